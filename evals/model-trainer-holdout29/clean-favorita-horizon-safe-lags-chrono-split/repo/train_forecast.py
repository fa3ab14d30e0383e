"""Backtested XGBoost forecaster for a 16-day horizon."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_log_error

from fe import HORIZON, calendar, merge_side_tables, target_lags

log = logging.getLogger("forecast")

CAT = ["store_nbr", "family", "city", "type", "cluster"]


def windows(last_day, n_backtests):
    """(train_end, valid_start, valid_end) origins stepping back one horizon at a time."""
    out = []
    for k in range(n_backtests, 0, -1):
        v_end = last_day - pd.Timedelta(days=HORIZON * (k - 1))
        v_start = v_end - pd.Timedelta(days=HORIZON - 1)
        out.append((v_start - pd.Timedelta(days=1), v_start, v_end))
    return out


def rmsle(y, p):
    return float(np.sqrt(mean_squared_log_error(y, np.clip(p, 0, None))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data")
    ap.add_argument("--backtests", type=int, default=3)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="artifacts")
    a = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    d = Path(a.data)

    sales = pd.read_csv(d / "train.csv", parse_dates=["date"])
    df = merge_side_tables(sales, pd.read_csv(d / "oil.csv", parse_dates=["date"]),
                           pd.read_csv(d / "holidays_events.csv", parse_dates=["date"]),
                           pd.read_csv(d / "stores.csv"))
    df = target_lags(calendar(df))
    df = df[df["date"] >= df["date"].min() + pd.Timedelta(days=364)]
    for c in CAT:
        df[c] = df[c].astype("category")
    feats = CAT + [c for c in df.columns if c.startswith(("lag_", "rmean_", "dow_mean"))] + \
        ["onpromotion", "oil_lag16", "oil_ma28_lag16", "is_national_holiday", "dow", "dom", "month", "doy", "payday"]

    # final test window: the last HORIZON days, touched once at the very end
    test_start = df["date"].max() - pd.Timedelta(days=HORIZON - 1)
    dev, test = df[df["date"] < test_start], df[df["date"] >= test_start]
    log.info("dev %s..%s | test %s..%s", dev.date.min().date(), dev.date.max().date(), test.date.min().date(), test.date.max().date())

    params = dict(objective="reg:squarederror", eta=0.03, max_depth=9, min_child_weight=50, subsample=0.8,
                  colsample_bytree=0.7, tree_method="hist", seed=a.seed)
    best_iters, scores = [], []
    for train_end, v_start, v_end in windows(dev["date"].max(), a.backtests):
        tr = dev[dev["date"] <= train_end]
        va = dev[(dev["date"] >= v_start) & (dev["date"] <= v_end)]
        dtr = xgb.DMatrix(tr[feats], tr["log_sales"], enable_categorical=True)
        dva = xgb.DMatrix(va[feats], va["log_sales"], enable_categorical=True)
        bst = xgb.train(params, dtr, 5000, evals=[(dva, "valid")], early_stopping_rounds=100, verbose_eval=False)
        pred = np.expm1(bst.predict(dva, iteration_range=(0, bst.best_iteration + 1)))
        naive = np.expm1(va["lag_364"].fillna(va["lag_21"]).fillna(0))
        scores.append({"valid_end": str(v_end.date()), "rmsle": rmsle(va["sales"], pred),
                       "mae": mean_absolute_error(va["sales"], pred), "naive_rmsle": rmsle(va["sales"], naive)})
        best_iters.append(bst.best_iteration + 1)
        log.info("backtest %s", scores[-1])

    n_rounds = int(np.median(best_iters))
    final = xgb.train(params, xgb.DMatrix(dev[feats], dev["log_sales"], enable_categorical=True), n_rounds)
    p_test = np.expm1(final.predict(xgb.DMatrix(test[feats], enable_categorical=True)))
    naive_test = np.expm1(test["lag_364"].fillna(test["lag_21"]).fillna(0))
    result = {"backtests": scores, "rounds": n_rounds,
              "test_rmsle": rmsle(test["sales"], p_test), "test_mae": mean_absolute_error(test["sales"], p_test),
              "test_naive_rmsle": rmsle(test["sales"], naive_test),
              "test_naive_mae": mean_absolute_error(test["sales"], naive_test)}
    log.info("test: %s", {k: v for k, v in result.items() if k.startswith("test")})
    out = Path(a.out); out.mkdir(exist_ok=True, parents=True)
    final.save_model(out / "xgb_favorita.json")
    (out / "metrics.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
