import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd

from features import KEYS, build_features


def wape(y: np.ndarray, p: np.ndarray) -> float:
    return float(np.abs(y - p).sum() / np.abs(y).sum())


def main(cfg_path: str = "config.json") -> None:
    with open(cfg_path) as fh:
        cfg = json.load(fh)
    target = cfg["target"]

    raw = pd.read_parquet(cfg["data_path"])
    raw["date"] = pd.to_datetime(raw["date"])
    df = build_features(raw, cfg)
    df = df.dropna(subset=[f"{target}_lag_{max(cfg['lags'])}"])
    for key in KEYS:
        df[key] = df[key].astype("category")
    feature_cols = [c for c in df.columns if c not in {"date", target, "id"}]

    valid_start = pd.Timestamp(cfg["valid_start"])
    test_start = pd.Timestamp(cfg["test_start"])
    train = df[df["date"] < valid_start]
    valid = df[(df["date"] >= valid_start) & (df["date"] < test_start)]
    test = df[df["date"] >= test_start]
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        print(f"{name:5s} {part['date'].min().date()} .. {part['date'].max().date()} rows={len(part):,}")

    params = {**cfg["lgbm"], "seed": cfg["seed"], "verbose": -1}
    dtrain = lgb.Dataset(train[feature_cols], train[target])
    dvalid = lgb.Dataset(valid[feature_cols], valid[target], reference=dtrain)
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=3000,
        valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    y = test[target].to_numpy()
    pred = booster.predict(test[feature_cols], num_iteration=booster.best_iteration)
    naive = test[f"{target}_lag_7"].to_numpy()
    for name, p in [("lightgbm", pred), ("lag_7_naive", naive)]:
        mae = np.mean(np.abs(y - p))
        rmse = np.sqrt(np.mean((y - p) ** 2))
        print(f"{name:12s} MAE={mae:.3f} RMSE={rmse:.3f} WAPE={wape(y, p):.3%}")

    importance = pd.Series(booster.feature_importance("gain"), index=feature_cols)
    print(importance.sort_values(ascending=False).head(15))
    booster.save_model(cfg.get("model_out", "models/lgbm_demand.txt"))


if __name__ == "__main__":
    main(*sys.argv[1:])
