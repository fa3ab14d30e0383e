"""Adult census income: 5-fold CatBoost ensemble (fold models early-stop on their own
validation fold), averaged and scored once on the untouched holdout.

    python -m income.train --config configs/base.yaml
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split

from income.utils import load_config, seed_everything

log = logging.getLogger("income")


def read_adult(path, target):
    df = pd.read_csv(path, skipinitialspace=True, na_values="?")
    df[target] = df[target].str.rstrip(".").eq(">50K").astype(int)
    df = df.drop(columns=["fnlwgt", "education"])  # education duplicates education-num
    cat_cols = df.select_dtypes("object").columns.tolist()
    df[cat_cols] = df[cat_cols].fillna("missing")
    return df, cat_cols


def score(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "log_loss": log_loss(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/base.yaml")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = load_config(args.config)
    seed = cfg["seed"]
    seed_everything(seed)

    df, cat_cols = read_adult(cfg["data_path"], cfg["target"])
    y = df.pop(cfg["target"])
    X_dev, X_hold, y_dev, y_hold = train_test_split(
        df, y, test_size=cfg["test_size"], stratify=y, random_state=seed)

    skf = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=seed)
    hold_pred = np.zeros(len(X_hold))
    hold_pool = Pool(X_hold, cat_features=cat_cols)
    for fold, (tr, va) in enumerate(skf.split(X_dev, y_dev)):
        model = CatBoostClassifier(**cfg["catboost"], random_seed=seed + fold, verbose=500)
        model.fit(Pool(X_dev.iloc[tr], y_dev.iloc[tr], cat_features=cat_cols),
                  eval_set=Pool(X_dev.iloc[va], y_dev.iloc[va], cat_features=cat_cols),
                  use_best_model=True)
        hold_pred += model.predict_proba(hold_pool)[:, 1] / cfg["n_folds"]
        log.info("fold %d: best iter %d, fold-valid AUC %.4f", fold, model.get_best_iteration(),
                 model.get_best_score()["validation"]["AUC"])

    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    report = {
        "holdout_prior": score(y_hold, prior.predict_proba(X_hold)[:, 1]),
        "holdout_catboost": score(y_hold, hold_pred),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
