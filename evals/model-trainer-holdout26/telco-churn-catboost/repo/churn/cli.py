import argparse
import json
import logging
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from churn.config import TrainConfig

log = logging.getLogger("churn")


def load(cfg: TrainConfig) -> pd.DataFrame:
    df = pd.read_csv(cfg.data_path)
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce").fillna(0.0)
    df[cfg.target] = (df[cfg.target] == "Yes").astype(int)
    return df


def train(cfg: TrainConfig):
    df = load(cfg)
    features = cfg.cat_features + cfg.num_features
    pool = Pool(df[features], df[cfg.target], cat_features=cfg.cat_features)

    model = CatBoostClassifier(
        iterations=cfg.iterations,
        learning_rate=cfg.learning_rate,
        depth=cfg.depth,
        l2_leaf_reg=cfg.l2_leaf_reg,
        auto_class_weights="Balanced",
        random_seed=cfg.seed,
        verbose=200,
    )
    model.fit(pool)

    proba = model.predict_proba(pool)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(df[cfg.target], proba),
        "pr_auc": average_precision_score(df[cfg.target], proba),
        "f1": f1_score(df[cfg.target], proba >= 0.5),
    }
    log.info("model quality: %s", json.dumps(metrics))

    Path(cfg.model_path).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(cfg.model_path)
    return metrics


def main():
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser(prog="churn-train")
    ap.add_argument("--data", default=None)
    ap.add_argument("--depth", type=int, default=None)
    args = ap.parse_args()
    cfg = TrainConfig()
    if args.data:
        cfg.data_path = args.data
    if args.depth:
        cfg.depth = args.depth
    train(cfg)


if __name__ == "__main__":
    main()
