import argparse
import json
import logging

import numpy as np
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score

from bgsales.data import load
from bgsales.tune import run_study

logging.basicConfig(level=logging.INFO)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=150)
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()

    X_tr, X_ho, y_tr, y_ho = load(seed=args.seed)
    dtrain = xgb.DMatrix(X_tr, label=y_tr)
    dholdout = xgb.DMatrix(X_ho, label=y_ho)

    study = run_study(dtrain, dholdout, y_ho, n_trials=args.trials, seed=args.seed)
    best = dict(study.best_params)
    rounds = best.pop("rounds")
    booster = xgb.train({**best, "objective": "reg:squarederror", "seed": args.seed}, dtrain, num_boost_round=rounds)

    pred = booster.predict(dholdout)
    baseline = np.full_like(y_ho, np.median(y_tr))
    report = {
        "test_mae_log_units": mean_absolute_error(y_ho, pred),
        "test_r2": r2_score(y_ho, pred),
        "median_baseline_mae": mean_absolute_error(y_ho, baseline),
        "params": study.best_params,
    }
    print(json.dumps(report, indent=2))
    booster.save_model("models/first_year_units.ubj")


if __name__ == "__main__":
    main()
