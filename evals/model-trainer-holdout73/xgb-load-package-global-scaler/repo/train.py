import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

from loadfc.data import load_weather, load_zonal_load, merge_sources
from loadfc.features import LOAD_LAGS, build_features

FEATURES = [
    "zone_id", "hour", "dow", "month", "hour_sin", "hour_cos", "doy_sin", "doy_cos",
    "is_holiday", "temp_f", "dewpoint_f", "wind_mph", "cloud_cover", "hdd", "cdd",
    "temp_roll_24", *[f"lag_{lag}" for lag in LOAD_LAGS], "roll_mean_168", "roll_max_24",
]


def evaluate(frame: pd.DataFrame, pred_scaled: np.ndarray) -> dict:
    pred_mw = pred_scaled * frame["zone_scale"].values
    naive_mw = frame["lag_168"].values * frame["zone_scale"].values
    actual = frame["load_mw"].values
    out = {
        "mae_mw": mean_absolute_error(actual, pred_mw),
        "mape": mean_absolute_percentage_error(actual, pred_mw),
        "naive_168_mae_mw": mean_absolute_error(actual, naive_mw),
        "naive_168_mape": mean_absolute_percentage_error(actual, naive_mw),
    }
    per_zone = (
        frame.assign(err=np.abs(actual - pred_mw))
        .groupby("zone")["err"].mean()
        .round(2)
        .to_dict()
    )
    out["mae_by_zone"] = per_zone
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/xgb_load.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    load = load_zonal_load(Path(cfg["data"]["load_path"]))
    weather = load_weather(Path(cfg["data"]["weather_path"]))
    df = build_features(merge_sources(load, weather))

    valid_start = pd.Timestamp(cfg["split"]["valid_start"], tz="US/Eastern")
    test_start = pd.Timestamp(cfg["split"]["test_start"], tz="US/Eastern")
    train = df[df["timestamp"] < valid_start]
    valid = df[(df["timestamp"] >= valid_start) & (df["timestamp"] < test_start)]
    test = df[df["timestamp"] >= test_start]
    print(f"train={len(train):,} valid={len(valid):,} test={len(test):,}")

    mcfg = dict(cfg["model"])
    model = xgb.XGBRegressor(
        objective="reg:squarederror",
        random_state=cfg["seed"],
        **mcfg,
    )
    model.fit(
        train[FEATURES], train["load_scaled"],
        eval_set=[(valid[FEATURES], valid["load_scaled"])],
        verbose=200,
    )

    metrics = {
        "best_iteration": int(model.best_iteration),
        "valid": evaluate(valid, model.predict(valid[FEATURES])),
        "test": evaluate(test, model.predict(test[FEATURES])),
    }
    print(json.dumps(metrics, indent=2, default=float))

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_model(out_dir / "xgb_load.json")
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, default=float))


if __name__ == "__main__":
    main()
