"""Next-hour DL volume per cell with LightGBM (global model across cells).

python forecast_dl_lgbm.py --data data/pm_hourly.parquet --cutoff 2024-05-20 --val-days 7
"""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd

LAGS = [1, 2, 3, 6, 24, 48, 168]
SEED = 99


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["cell_id", "timestamp"]).copy()
    df["log_dl"] = np.log1p(df["dl_volume_gb"])
    g = df.groupby("cell_id")["log_dl"]
    for lag in LAGS:
        df[f"lag_{lag}"] = g.shift(lag)
    df["roll_24_mean"] = g.transform(lambda s: s.shift(1).rolling(24, min_periods=12).mean())
    df["roll_168_max"] = g.transform(lambda s: s.shift(1).rolling(168, min_periods=24).max())
    df["users_lag_1"] = df.groupby("cell_id")["rrc_conn_users"].shift(1)
    df["prb_lag_1"] = df.groupby("cell_id")["prb_util_dl"].shift(1)
    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek
    df["cell_id"] = df["cell_id"].astype("category")
    return df.dropna(subset=[f"lag_{l}" for l in LAGS] + ["roll_24_mean", "roll_168_max"])


FEATURES = [f"lag_{l}" for l in LAGS] + [
    "roll_24_mean", "roll_168_max", "users_lag_1", "prb_lag_1", "hour", "dow", "cell_id",
]


def wape(y, p):
    return np.abs(y - p).sum() / np.abs(y).sum()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/pm_hourly.parquet")
    ap.add_argument("--cutoff", default="2024-05-20")
    ap.add_argument("--val-days", type=int, default=7)
    args = ap.parse_args()

    raw = pd.read_parquet(args.data)
    raw["timestamp"] = pd.to_datetime(raw["timestamp"])
    df = build_features(raw)

    cutoff = pd.Timestamp(args.cutoff)
    val_start = cutoff - pd.Timedelta(days=args.val_days)
    fit = df[df["timestamp"] < val_start]
    val = df[(df["timestamp"] >= val_start) & (df["timestamp"] < cutoff)]
    test = df[df["timestamp"] >= cutoff]
    print(f"fit {fit['timestamp'].min()} -> {fit['timestamp'].max()} ({len(fit):,})")
    print(f"val {val['timestamp'].min()} -> {val['timestamp'].max()} ({len(val):,})")
    print(f"test {test['timestamp'].min()} -> {test['timestamp'].max()} ({len(test):,})")

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.03,
        num_leaves=127,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        fit[FEATURES], fit["log_dl"],
        eval_set=[(val[FEATURES], val["log_dl"])],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
    )

    pred = np.expm1(model.predict(test[FEATURES], num_iteration=model.best_iteration_))
    actual = test["dl_volume_gb"].to_numpy()
    naive = np.expm1(test["lag_24"].to_numpy())
    print(f"test WAPE {wape(actual, pred):.2%}  (seasonal naive t-24: {wape(actual, naive):.2%})")

    per_cell = (
        test.assign(abs_err=np.abs(actual - pred))
        .groupby("cell_id", observed=True)
        .agg(err=("abs_err", "sum"), vol=("dl_volume_gb", "sum"))
    )
    per_cell["wape"] = per_cell["err"] / per_cell["vol"]
    print(per_cell["wape"].describe(percentiles=[0.5, 0.9, 0.99]).round(3))
    model.booster_.save_model("dl_next_hour.txt")


if __name__ == "__main__":
    main()
