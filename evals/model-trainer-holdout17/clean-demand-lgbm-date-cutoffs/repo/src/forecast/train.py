"""Train on history up to the validation window, early-stop on the validation window,
then score the final 28 days once.

    python -m forecast.train --sales data/sales.parquet --test-start 2016-04-25
"""
import argparse
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

from forecast.features import FEATURES, HORIZON, add_features

log = logging.getLogger("forecast")

PARAMS = {
    "objective": "tweedie",
    "tweedie_variance_power": 1.1,
    "learning_rate": 0.03,
    "num_leaves": 127,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.7,
    "bagging_freq": 1,
    "lambda_l2": 0.1,
    "metric": "rmse",
    "seed": 2016,
    "deterministic": True,
    "verbose": -1,
}


def metrics(y, p):
    return {
        "mae": float(mean_absolute_error(y, p)),
        "rmse": float(np.sqrt(mean_squared_error(y, p))),
        "wape": float(np.abs(y - p).sum() / np.abs(y).sum()),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/sales.parquet")
    ap.add_argument("--test-start", default="2016-04-25")
    ap.add_argument("--rounds", type=int, default=3000)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    sales = pd.read_parquet(args.sales)
    sales["date"] = pd.to_datetime(sales["date"])
    frame = add_features(sales).dropna(subset=["lag_42", "rmean_28_28"])

    test_start = pd.Timestamp(args.test_start)
    valid_start = test_start - pd.Timedelta(days=HORIZON)
    test_end = test_start + pd.Timedelta(days=HORIZON)

    train = frame[frame["date"] < valid_start]
    valid = frame[(frame["date"] >= valid_start) & (frame["date"] < test_start)]
    test = frame[(frame["date"] >= test_start) & (frame["date"] < test_end)]
    log.info("train ..%s | valid %s..%s | test %s..%s", train["date"].max().date(),
             valid["date"].min().date(), valid["date"].max().date(),
             test["date"].min().date(), test["date"].max().date())

    dtrain = lgb.Dataset(train[FEATURES], train["units"])
    dvalid = lgb.Dataset(valid[FEATURES], valid["units"], reference=dtrain)
    booster = lgb.train(PARAMS, dtrain, num_boost_round=args.rounds, valid_sets=[dvalid],
                        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)])

    y_test = test["units"].to_numpy()
    report = {
        "seasonal_naive_lag28": metrics(y_test, test["lag_28"].to_numpy()),
        "lgbm": metrics(y_test, booster.predict(test[FEATURES], num_iteration=booster.best_iteration)),
        "best_iteration": booster.best_iteration,
    }
    booster.save_model("artifacts/lgbm_demand.txt", num_iteration=booster.best_iteration)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
