"""Global LightGBM model for daily store x item demand.

Forecasts are issued every Monday for the following 7 days, so every feature
must be known at least 7 days before the target date (lags >= 7).

Usage:
    python train_demand.py --data data/train.csv --out artifacts/
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("demand")

SEED = 2024
LAGS = [7, 14, 21, 28, 364]
VALID_START = "2017-10-01"
TEST_START = "2017-12-01"


def wape(y_true, y_pred):
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


def scores(y_true, y_pred):
    return {
        "mae": float(np.mean(np.abs(y_true - y_pred))),
        "rmse": float(np.sqrt(np.mean((y_true - y_pred) ** 2))),
        "wape": wape(y_true, y_pred),
    }


def add_calendar(df):
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["month"] = d.dt.month
    df["weekofyear"] = d.dt.isocalendar().week.astype(int)
    df["is_month_end"] = d.dt.is_month_end.astype(int)
    return df


def add_lags(df):
    grp = df.groupby(["store", "item"])["sales"]
    for lag in LAGS:
        df[f"lag_{lag}"] = grp.shift(lag)
    df["roll_mean_28"] = grp.transform(lambda s: s.shift(7).rolling(28).mean())
    df["roll_std_28"] = grp.transform(lambda s: s.shift(7).rolling(28).std())
    return df


def add_level_features(df):
    # long-run level of each series and its seasonal profiles; helps the global model
    df["store_item_mean"] = df.groupby(["store", "item"])["sales"].transform("mean")
    df["store_dow_mean"] = df.groupby(["store", "dow"])["sales"].transform("mean")
    df["item_month_mean"] = df.groupby(["item", "month"])["sales"].transform("mean")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/train.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    np.random.seed(SEED)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(args.data, parse_dates=["date"])
    df = df.sort_values(["store", "item", "date"]).reset_index(drop=True)
    df = add_calendar(df)
    df = add_lags(df)
    df = add_level_features(df)
    df = df.dropna(subset=[f"lag_{lag}" for lag in LAGS] + ["roll_std_28"])

    features = [c for c in df.columns if c not in ("date", "sales", "id")]
    train = df[df["date"] < VALID_START]
    valid = df[(df["date"] >= VALID_START) & (df["date"] < TEST_START)]
    test = df[df["date"] >= TEST_START]
    log.info("rows: train=%d valid=%d test=%d", len(train), len(valid), len(test))

    params = dict(
        objective="tweedie", tweedie_variance_power=1.2, learning_rate=0.05,
        num_leaves=63, min_data_in_leaf=100, feature_fraction=0.8,
        bagging_fraction=0.8, bagging_freq=1, seed=SEED, verbose=-1,
    )
    dtrain = lgb.Dataset(train[features], train["sales"], categorical_feature=["store", "item"])
    dvalid = lgb.Dataset(valid[features], valid["sales"], reference=dtrain)
    booster = lgb.train(
        params, dtrain, num_boost_round=3000, valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    y = test["sales"].to_numpy()
    pred = booster.predict(test[features], num_iteration=booster.best_iteration)
    report = {
        "best_iteration": booster.best_iteration,
        "lightgbm": scores(y, pred),
        "seasonal_naive_7": scores(y, test["lag_7"].to_numpy()),
    }
    log.info("test report: %s", json.dumps(report, indent=2))
    booster.save_model(str(out / "demand_lgb.txt"))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
