"""
Rolling-origin backtest + final out-of-time evaluation for the 7-day-ahead grocery demand model.

  * features only look back >= 7 days (demand/features.py)
  * model settings are compared with TimeSeriesSplit over calendar days of the development period
  * the last 8 weeks are never touched until the final evaluation
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit

from demand.features import FEATURES, add_calendar, add_history_features

log = logging.getLogger("demand")
SEED = 123
BASE = dict(objective="tweedie", tweedie_variance_power=1.1, n_estimators=3000, learning_rate=0.05,
            feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, random_state=SEED, verbose=-1)
GRID = [dict(num_leaves=31, min_child_samples=50), dict(num_leaves=127, min_child_samples=100)]


def wape(y, yhat):
    return float(np.abs(y - yhat).sum() / np.abs(y).sum())


def fit_with_inner_stop(params, dev):
    """Early-stop on the last 28 days of the given training window (never on the evaluation block)."""
    stop_start = dev["date"].max() - pd.Timedelta(days=27)
    fit_part, stop_part = dev[dev["date"] < stop_start], dev[dev["date"] >= stop_start]
    model = lgb.LGBMRegressor(**BASE, **params)
    model.fit(fit_part[FEATURES], fit_part["unit_sales"], eval_set=[(stop_part[FEATURES], stop_part["unit_sales"])],
              callbacks=[lgb.early_stopping(100, verbose=False)])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/train_daily.parquet")
    ap.add_argument("--holdout-weeks", type=int, default=8)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    sales = pd.read_parquet(args.sales)
    sales["date"] = pd.to_datetime(sales["date"])
    sales = add_calendar(add_history_features(sales)).dropna(subset=["lag_28", "roll_mean_14"])

    cutoff = sales["date"].max() - pd.Timedelta(weeks=args.holdout_weeks)
    dev, oot = sales[sales["date"] <= cutoff], sales[sales["date"] > cutoff]

    days = np.sort(dev["date"].unique())
    tscv = TimeSeriesSplit(n_splits=4, test_size=28)
    grid_scores = []
    for params in GRID:
        fold_scores = []
        for tr_idx, va_idx in tscv.split(days):
            tr = dev[dev["date"].isin(days[tr_idx])]
            va = dev[dev["date"].isin(days[va_idx])]
            m = fit_with_inner_stop(params, tr)
            fold_scores.append(wape(va["unit_sales"].to_numpy(), m.predict(va[FEATURES])))
        grid_scores.append(np.mean(fold_scores))
        log.info("params=%s backtest WAPE=%.4f", params, grid_scores[-1])
    best = GRID[int(np.argmin(grid_scores))]

    final = fit_with_inner_stop(best, dev)
    y = oot["unit_sales"].to_numpy()
    pred = np.clip(final.predict(oot[FEATURES]), 0, None)
    report = {
        "params": best,
        "oot_wape": wape(y, pred),
        "oot_mae": float(np.mean(np.abs(y - pred))),
        "oot_bias": float((pred.sum() - y.sum()) / y.sum()),
        "seasonal_naive_wape": wape(y, oot["lag_7"].to_numpy()),
    }
    log.info(json.dumps(report, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    final.booster_.save_model("artifacts/demand_lgb.txt")


if __name__ == "__main__":
    main()
