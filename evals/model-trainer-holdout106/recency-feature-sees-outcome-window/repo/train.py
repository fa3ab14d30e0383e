"""Train the quarterly churn propensity model used by Customer Success."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churn.features import STATIC_COLUMNS, snapshot_features
from churn.labels import churn_labels


def build_dataset(cfg):
    customers = pd.read_parquet(cfg["data"]["customers"])
    events = pd.read_parquet(cfg["data"]["events"])
    subs = pd.read_parquet(cfg["data"]["subscriptions"])
    frames = []
    for snap in cfg["snapshot"]["dates"]:
        snap = pd.Timestamp(snap)
        labels = churn_labels(subs, snap, cfg["snapshot"]["outcome_days"])
        feats = snapshot_features(events, customers, snap, cfg["snapshot"]["lookback_days"])
        frames.append(labels.merge(feats, left_on="customer_id", right_index=True, how="left"))
    data = pd.concat(frames, ignore_index=True)
    for col in STATIC_COLUMNS:
        data[col] = data[col].astype("category")
    return data


def split_history(history, valid_fraction, rng):
    """Hold out whole customers from the training snapshots for early stopping."""
    ids = history["customer_id"].unique()
    n_valid = int(len(ids) * valid_fraction)
    valid_ids = rng.choice(ids, size=n_valid, replace=False)
    is_valid = history["customer_id"].isin(valid_ids)
    return history[~is_valid], history[is_valid]


def evaluate(y, p):
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
        "base_rate": float(np.mean(y)),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config/churn.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    rng = np.random.default_rng(cfg["seed"])

    data = build_dataset(cfg)
    test_snap = pd.Timestamp(cfg["split"]["test_snapshot"])
    history = data[data["snapshot_date"] < test_snap]
    test = data[data["snapshot_date"] == test_snap]
    train, valid = split_history(history, cfg["split"]["valid_fraction"], rng)

    features = [c for c in data.columns if c not in ("customer_id", "snapshot_date", "churned")]
    params = dict(cfg["model"])
    num_rounds = params.pop("num_boost_round")
    patience = params.pop("early_stopping_rounds")
    params.update(seed=cfg["seed"], verbose=-1)

    dtrain = lgb.Dataset(train[features], train["churned"], categorical_feature=STATIC_COLUMNS)
    dvalid = lgb.Dataset(valid[features], valid["churned"], reference=dtrain)
    booster = lgb.train(
        params, dtrain, num_rounds,
        valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(patience), lgb.log_evaluation(100)],
    )

    numeric = [f for f in features if f not in STATIC_COLUMNS]
    baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
    baseline.fit(train[numeric].fillna(0), train["churned"])

    report = {
        "lightgbm": evaluate(test["churned"], booster.predict(test[features], num_iteration=booster.best_iteration)),
        "logreg_baseline": evaluate(test["churned"], baseline.predict_proba(test[numeric].fillna(0))[:, 1]),
        "best_iteration": booster.best_iteration,
        "n_train": len(train), "n_valid": len(valid), "n_test": len(test),
    }
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
