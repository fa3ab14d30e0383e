"""Day-ahead hourly load forecast for one grid zone.

Every feature is available at forecast time (>= 24 h old), so the lag and rolling
columns can be built once on the whole series; splits are purely chronological.
"""
import argparse
import itertools
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

LOG = logging.getLogger("load")
SEED = 0
TRAIN_END = "2023-07-01"
VALID_END = "2023-10-01"


def build_features(s: pd.DataFrame) -> pd.DataFrame:
    s = s.sort_values("timestamp").set_index("timestamp")
    s["hour"] = s.index.hour
    s["dow"] = s.index.dayofweek
    s["doy"] = s.index.dayofyear
    for lag in (24, 48, 168, 336):
        s[f"load_lag_{lag}"] = s["load_mw"].shift(lag)
    s["load_roll24_mean"] = s["load_mw"].shift(24).rolling(24).mean()
    s["load_roll168_mean"] = s["load_mw"].shift(24).rolling(168).mean()
    s["temp_forecast_sq"] = s["temp_forecast_c"] ** 2
    return s.dropna()


def metrics(y, yhat):
    return {
        "mae": float(mean_absolute_error(y, yhat)),
        "rmse": float(np.sqrt(mean_squared_error(y, yhat))),
        "mape": float(np.mean(np.abs((y - yhat) / y))),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/zone_load_hourly.csv")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    np.random.seed(SEED)

    raw = pd.read_csv(args.csv, parse_dates=["timestamp"])
    df = build_features(raw)
    features = [c for c in df.columns if c != "load_mw"]

    train = df.loc[df.index < TRAIN_END]
    valid = df.loc[(df.index >= TRAIN_END) & (df.index < VALID_END)]
    test = df.loc[df.index >= VALID_END]
    LOG.info("train %s..%s, valid %s..%s, test %s..%s", train.index.min(), train.index.max(),
             valid.index.min(), valid.index.max(), test.index.min(), test.index.max())

    # small grid, scored with expanding-window CV inside the training period
    tscv = TimeSeriesSplit(n_splits=5, gap=24, test_size=24 * 28)
    grid = list(itertools.product([4, 6, 8], [0.03, 0.08]))
    cv_mae = {}
    for depth, lr in grid:
        fold_mae = []
        for fit_idx, hold_idx in tscv.split(train):
            m = xgb.XGBRegressor(n_estimators=600, max_depth=depth, learning_rate=lr, subsample=0.8,
                                 colsample_bytree=0.8, tree_method="hist", random_state=SEED)
            m.fit(train.iloc[fit_idx][features], train.iloc[fit_idx]["load_mw"])
            fold_mae.append(mean_absolute_error(train.iloc[hold_idx]["load_mw"],
                                                m.predict(train.iloc[hold_idx][features])))
        cv_mae[(depth, lr)] = float(np.mean(fold_mae))
        LOG.info("depth=%d lr=%.2f cv MAE %.1f", depth, lr, cv_mae[(depth, lr)])
    depth, lr = min(cv_mae, key=cv_mae.get)

    model = xgb.XGBRegressor(n_estimators=5000, max_depth=depth, learning_rate=lr, subsample=0.8,
                             colsample_bytree=0.8, tree_method="hist", random_state=SEED,
                             early_stopping_rounds=100, eval_metric="mae")
    model.fit(train[features], train["load_mw"], eval_set=[(valid[features], valid["load_mw"])], verbose=False)

    results = {
        "params": {"max_depth": depth, "learning_rate": lr, "best_iteration": int(model.best_iteration)},
        "xgboost_test": metrics(test["load_mw"].to_numpy(), model.predict(test[features])),
        "seasonal_naive_test": metrics(test["load_mw"].to_numpy(), test["load_lag_168"].to_numpy()),
    }
    print(json.dumps(results, indent=2))
    model.save_model("load_xgb.json")


if __name__ == "__main__":
    main()
