"""One-hour-ahead forecasting of I-94 traffic volume (UCI Metro Interstate Traffic Volume).

Experiment for Section 5.2: LightGBM with lag features vs. persistence and seasonal-naive forecasts.
Train: 2012-10 .. 2017-09, test: 2017-10 .. 2018-09 (last year), split strictly by time.
"""
import argparse
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

TARGET = "traffic_volume"
LAGS = [1, 2, 3, 24, 168]


def load_hourly(path):
    df = pd.read_csv(path, parse_dates=["date_time"])
    df = df.drop_duplicates("date_time").set_index("date_time").sort_index()
    df = df.asfreq("h")
    df[["temp", "rain_1h", "snow_1h", "clouds_all"]] = df[["temp", "rain_1h", "snow_1h", "clouds_all"]].ffill()
    df["is_holiday"] = df["holiday"].fillna("None").ne("None").astype(int)
    return df[[TARGET, "temp", "rain_1h", "snow_1h", "clouds_all", "is_holiday"]]


def make_features(df):
    out = df.copy()
    out["hour"] = out.index.hour
    out["dow"] = out.index.dayofweek
    out["month"] = out.index.month
    for lag in LAGS:
        out[f"lag_{lag}"] = out[TARGET].shift(lag)
    out["roll_mean_24"] = out[TARGET].shift(1).rolling(24).mean()
    out["roll_std_24"] = out[TARGET].shift(1).rolling(24).std()
    return out.dropna()


def metrics(y, p):
    return {"MAE": mean_absolute_error(y, p), "RMSE": float(np.sqrt(mean_squared_error(y, p)))}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="data/Metro_Interstate_Traffic_Volume.csv.gz")
    parser.add_argument("--test-start", default="2017-10-01")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", default="results/traffic")
    args = parser.parse_args()

    data = make_features(load_hourly(args.data))
    train, test = data[data.index < args.test_start], data[data.index >= args.test_start]
    features = [c for c in data.columns if c != TARGET]
    X_train, y_train = train[features], train[TARGET]
    X_test, y_test = test[features], test[TARGET]
    print(f"train {train.index.min()} .. {train.index.max()} ({len(train)}), test {len(test)} rows")

    base = dict(objective="l1", learning_rate=0.05, n_estimators=3000, subsample=0.8, subsample_freq=1,
                colsample_bytree=0.8, random_state=args.seed, verbose=-1)
    grid = list(itertools.product([31, 63, 127], [20, 100]))
    tscv = TimeSeriesSplit(n_splits=4, gap=24)
    cv_mae = {}
    for num_leaves, min_child in grid:
        fold_mae = []
        for tr, va in tscv.split(X_train):
            m = lgb.LGBMRegressor(**base, num_leaves=num_leaves, min_child_samples=min_child)
            m.fit(X_train.iloc[tr], y_train.iloc[tr], eval_set=[(X_train.iloc[va], y_train.iloc[va])],
                  callbacks=[lgb.early_stopping(100, verbose=False)])
            fold_mae.append(mean_absolute_error(y_train.iloc[va], m.predict(X_train.iloc[va])))
        cv_mae[(num_leaves, min_child)] = float(np.mean(fold_mae))
    num_leaves, min_child = min(cv_mae, key=cv_mae.get)

    n_es = int(0.9 * len(X_train))
    final = lgb.LGBMRegressor(**base, num_leaves=num_leaves, min_child_samples=min_child)
    final.fit(X_train.iloc[:n_es], y_train.iloc[:n_es],
              eval_set=[(X_train.iloc[n_es:], y_train.iloc[n_es:])],
              callbacks=[lgb.early_stopping(100, verbose=False)])

    results = {
        "persistence (t-1)": metrics(y_test, X_test["lag_1"]),
        "seasonal naive (t-168)": metrics(y_test, X_test["lag_168"]),
        "LightGBM": metrics(y_test, final.predict(X_test)),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(results).T.round(1).to_latex(out / "table_5_2.tex")
    with open(out / "run.json", "w") as f:
        json.dump({"cv_mae": {str(k): v for k, v in cv_mae.items()}, "chosen": [num_leaves, min_child],
                   "best_iteration": final.best_iteration_, "test": results}, f, indent=2)
    print(pd.DataFrame(results).T.round(1))


if __name__ == "__main__":
    main()
