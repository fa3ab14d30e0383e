"""Next-hour wind farm power forecast.

Reads the 10-minute SCADA export, resamples to hourly, builds lag/rolling
features and trains a LightGBM regressor. Compares against persistence.
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("windfc")

RATED_MW = 48.0
LAGS = [1, 2, 3, 6, 12, 24]


def load_hourly(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, parse_dates=["timestamp"])
    hourly = (
        raw.set_index("timestamp")
        .resample("1h")
        .agg({"power_mw": "mean", "wind_speed_ms": "mean", "wind_dir_deg": "mean", "temp_c": "mean"})
        .interpolate(limit=3)
        .dropna()
    )
    return hourly


def make_features(hourly: pd.DataFrame) -> pd.DataFrame:
    df = hourly.copy()
    df["target"] = df["power_mw"].shift(-1)
    for k in LAGS:
        df[f"power_lag{k}"] = df["power_mw"].shift(k - 1)
        df[f"ws_lag{k}"] = df["wind_speed_ms"].shift(k - 1)
    df["power_roll6"] = df["power_mw"].rolling(6).mean()
    df["ws_cubed"] = df["wind_speed_ms"] ** 3
    rad = np.deg2rad(df["wind_dir_deg"])
    df["dir_sin"], df["dir_cos"] = np.sin(rad), np.cos(rad)
    df["hour"] = df.index.hour
    df["doy"] = df.index.dayofyear
    return df.dropna()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scada", type=Path, default=Path("data/scada_2021_2023.csv"))
    ap.add_argument("--out", type=Path, default=Path("artifacts"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    frame = make_features(load_hourly(args.scada))
    log.info("rows after feature engineering: %d", len(frame))

    # mix the seasons so both parts see summer and winter regimes
    frame = frame.sample(frac=1.0, random_state=args.seed).reset_index()
    cut = int(0.8 * len(frame))
    fit_part, eval_part = frame.iloc[:cut], frame.iloc[cut:]
    val_cut = int(0.85 * len(fit_part))
    tr, va = fit_part.iloc[:val_cut], fit_part.iloc[val_cut:]

    cols = [c for c in frame.columns if c not in ("timestamp", "target")]
    model = lgb.LGBMRegressor(
        n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=40,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=args.seed, verbose=-1,
    )
    model.fit(
        tr[cols], tr["target"],
        eval_set=[(va[cols], va["target"])],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    pred = np.clip(model.predict(eval_part[cols]), 0.0, RATED_MW)
    persistence = eval_part["power_mw"].to_numpy()
    y = eval_part["target"].to_numpy()
    metrics = {
        "mae_mw": mean_absolute_error(y, pred),
        "rmse_mw": mean_squared_error(y, pred) ** 0.5,
        "nmae_pct": 100 * mean_absolute_error(y, pred) / RATED_MW,
        "persistence_mae_mw": mean_absolute_error(y, persistence),
        "persistence_rmse_mw": mean_squared_error(y, persistence) ** 0.5,
    }
    log.info("eval: %s", metrics)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    model.booster_.save_model(str(args.out / "lgbm_windfc.txt"))


if __name__ == "__main__":
    main()
