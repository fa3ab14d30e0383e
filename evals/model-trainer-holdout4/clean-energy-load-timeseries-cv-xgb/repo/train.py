"""Feeder-level hourly load forecast (day-ahead), XGBoost.

Tuning: expanding-window TimeSeriesSplit with a 24h gap. Early stopping: the last 10% of the
training history (not shuffled). Test: the final 8 weeks, scored once.
"""
import argparse
import itertools
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split

logger = logging.getLogger("feeder_load")
SEED = 2718
GRID = {"max_depth": [4, 6, 8], "learning_rate": [0.03, 0.08], "min_child_weight": [1, 10]}


def build_features(df):
    df = df.sort_values("ts").set_index("ts")
    out = pd.DataFrame(index=df.index)
    out["hour"], out["dow"], out["month"] = df.index.hour, df.index.dayofweek, df.index.month
    out["temp_forecast"] = df["temp_forecast_c"]
    out["cdd"] = (df["temp_forecast_c"] - 18).clip(lower=0)
    out["hdd"] = (15 - df["temp_forecast_c"]).clip(lower=0)
    for lag in (24, 48, 72, 168):
        out[f"lag{lag}"] = df["load_kw"].shift(lag)
    out["mean_prev_day"] = df["load_kw"].shift(24).rolling(24).mean()
    out["max_prev_week"] = df["load_kw"].shift(24).rolling(168).max()
    out["y"] = df["load_kw"]
    return out.dropna()


def scores(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "smape": float(np.mean(2 * np.abs(p - y) / (np.abs(y) + np.abs(p) + 1e-9)))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/feeder_17_hourly.csv")
    ap.add_argument("--test-weeks", type=int, default=8)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    feats = build_features(pd.read_csv(args.data, parse_dates=["ts"]))
    test_start = feats.index.max() - pd.Timedelta(weeks=args.test_weeks)
    hist, test = feats[feats.index < test_start], feats[feats.index >= test_start]
    X_hist, y_hist = hist.drop(columns="y"), hist["y"]

    tscv = TimeSeriesSplit(n_splits=5, gap=24, test_size=24 * 28)
    results = []
    for depth, lr, mcw in itertools.product(*GRID.values()):
        fold_mae = []
        for tr_idx, va_idx in tscv.split(X_hist):
            m = xgb.XGBRegressor(n_estimators=600, max_depth=depth, learning_rate=lr, min_child_weight=mcw,
                                 subsample=0.8, colsample_bytree=0.8, random_state=SEED, tree_method="hist")
            m.fit(X_hist.iloc[tr_idx], y_hist.iloc[tr_idx])
            fold_mae.append(mean_absolute_error(y_hist.iloc[va_idx], m.predict(X_hist.iloc[va_idx])))
        results.append(((depth, lr, mcw), float(np.mean(fold_mae))))
        logger.info("depth=%d lr=%.2f mcw=%d cv_mae=%.2f", depth, lr, mcw, results[-1][1])
    (depth, lr, mcw), cv_mae = min(results, key=lambda r: r[1])

    # chronological early-stopping split of the history: shuffle=False keeps the last 10% as validation
    X_fit, X_es, y_fit, y_es = train_test_split(X_hist, y_hist, test_size=0.1, shuffle=False)
    model = xgb.XGBRegressor(n_estimators=5000, max_depth=depth, learning_rate=lr, min_child_weight=mcw,
                             subsample=0.8, colsample_bytree=0.8, random_state=SEED, tree_method="hist",
                             early_stopping_rounds=100)
    model.fit(X_fit, y_fit, eval_set=[(X_es, y_es)], verbose=False)
    model.save_model("feeder17_xgb.json")

    X_test, y_test = test.drop(columns="y"), test["y"]
    report = {
        "cv_mae": cv_mae,
        "params": {"max_depth": depth, "learning_rate": lr, "min_child_weight": mcw, "n_trees": model.best_iteration + 1},
        "test_xgb": scores(y_test, model.predict(X_test)),
        "test_naive_same_hour_last_week": scores(y_test, X_test["lag168"]),
        "test_naive_yesterday": scores(y_test, X_test["lag24"]),
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
