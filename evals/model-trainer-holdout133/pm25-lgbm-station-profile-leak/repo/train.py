import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from features import add_calendar, add_lags, add_met, add_station_profile

DROP = {"timestamp", "station_id", "target"}


def load(cfg):
    df = pd.read_parquet(cfg["data"]["path"])
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True)
    stations = cfg["data"].get("stations")
    if stations:
        df = df[df["station_id"].isin(stations)]
    # negative readings are instrument artefacts on the BAM units
    df.loc[df["pm25"] < 0, "pm25"] = np.nan
    return df


def build(df, cfg):
    h = cfg["horizon_hours"]
    df = add_calendar(df)
    df = add_met(df)
    df = add_lags(df, "pm25", cfg["features"]["pm25_lags"])
    df = add_lags(df, "no2", cfg["features"]["no2_lags"])
    df["target"] = df.groupby("station_id")["pm25"].shift(-h)
    df = add_station_profile(df, "target")
    return df.dropna(subset=["target", "pm25_lag1"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="runs/lgbm_pm25")
    args = ap.parse_args()

    cfg = yaml.safe_load(open(args.config))
    df = build(load(cfg), cfg)

    cutoff = pd.Timestamp(cfg["split"]["test_start"], tz="UTC")
    train = df[df["timestamp"] < cutoff]
    test = df[df["timestamp"] >= cutoff]
    feats = [c for c in df.columns if c not in DROP]
    print(f"train {len(train):,} rows | test {len(test):,} rows | {len(feats)} features")

    model = lgb.LGBMRegressor(**cfg["model"], random_state=cfg["seed"])
    model.fit(train[feats], train["target"])

    pred = model.predict(test[feats])
    metrics = {
        "mae": mean_absolute_error(test["target"], pred),
        "rmse": float(np.sqrt(mean_squared_error(test["target"], pred))),
        "r2": r2_score(test["target"], pred),
        # persistence: same hour, h hours earlier
        "mae_persistence": mean_absolute_error(test["target"], test["pm25"]),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
