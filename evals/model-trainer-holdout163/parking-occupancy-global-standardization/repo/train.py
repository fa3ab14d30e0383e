"""Train the 1h-ahead garage occupancy model.

usage: python train.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error

from features import add_calendar, add_lags, load_occupancy, scale_numeric


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = load_occupancy(cfg["data"]["occupancy_path"], cfg["data"]["lots_path"])
    df = add_calendar(df, pd.to_datetime(cfg["calendar"]["holidays"]))
    df = add_lags(df)

    num_cols = cfg["features"]["numeric"]
    target = cfg["target"]
    persistence = df["occ_now"].copy()
    df, scaler = scale_numeric(df, num_cols)

    cutoff = pd.Timestamp(cfg["split"]["test_start"])
    train_mask = df["timestamp"] < cutoff
    train, test = df[train_mask], df[~train_mask]
    print(f"train {train['timestamp'].min()} .. {train['timestamp'].max()}  n={len(train)}")
    print(f"test  {test['timestamp'].min()} .. {test['timestamp'].max()}  n={len(test)}")

    model = Ridge(alpha=cfg["model"]["alpha"])
    model.fit(train[num_cols], train[target])

    pred = model.predict(test[num_cols]).clip(0, 1)
    metrics = {
        "mae": mean_absolute_error(test[target], pred),
        "mae_persistence": mean_absolute_error(test[target], persistence[~train_mask]),
    }
    by_district = (
        test.assign(abs_err=(test[target] - pred).abs())
        .groupby("district")["abs_err"].mean().round(4).to_dict()
    )
    metrics["mae_by_district"] = by_district
    print(json.dumps(metrics, indent=2))

    joblib.dump({"model": model, "scaler": scaler, "features": num_cols}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
