"""Train the 7-day-ahead store-item demand model.

Usage: python train_demand.py --data data/store_item_sales.csv --holdout-days 28
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

from src.features import add_calendar, add_lags, rolling_origin_folds, wape

log = logging.getLogger("demand")
SEED = 8
PARAMS = dict(objective="tweedie", tweedie_variance_power=1.2, n_estimators=800, learning_rate=0.05,
              num_leaves=63, min_child_samples=50, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, random_state=SEED, verbose=-1)


def metrics(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "wape": wape(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/store_item_sales.csv")
    ap.add_argument("--holdout-days", type=int, default=28)
    ap.add_argument("--folds", type=int, default=4)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    df = pd.read_csv(args.data, parse_dates=["date"])
    df = add_lags(add_calendar(df)).dropna(subset=["lag_364"])
    df = df.sort_values("date").reset_index(drop=True)
    feats = ["store", "item", "dow", "dom", "month", "weekofyear", "is_weekend",
             "lag_7", "lag_14", "lag_28", "lag_364", "rmean_7", "rmean_28", "rstd_28"]

    cutoff = df["date"].max() - pd.Timedelta(days=args.holdout_days)
    dev, hold = df[df["date"] <= cutoff].reset_index(drop=True), df[df["date"] > cutoff]
    log.info("dev until %s, holdout %s .. %s", cutoff.date(), hold["date"].min().date(), hold["date"].max().date())

    fold_scores, naive_scores = [], []
    for tr, va in rolling_origin_folds(dev["date"], args.folds, horizon_days=28):
        m = lgb.LGBMRegressor(**PARAMS).fit(dev.loc[tr, feats], dev.loc[tr, "sales"])
        fold_scores.append(metrics(dev.loc[va, "sales"], m.predict(dev.loc[va, feats])))
        naive_scores.append(metrics(dev.loc[va, "sales"], dev.loc[va, "lag_7"]))
    log.info("CV lgbm  %s", pd.DataFrame(fold_scores).mean().round(3).to_dict())
    log.info("CV naive %s", pd.DataFrame(naive_scores).mean().round(3).to_dict())

    final = lgb.LGBMRegressor(**PARAMS).fit(dev[feats], dev["sales"])
    log.info("HOLDOUT lgbm        %s", metrics(hold["sales"], final.predict(hold[feats])))
    log.info("HOLDOUT seasonal-7  %s", metrics(hold["sales"], hold["lag_7"]))
    final.booster_.save_model("models/demand_lgbm.txt")


if __name__ == "__main__":
    main()
