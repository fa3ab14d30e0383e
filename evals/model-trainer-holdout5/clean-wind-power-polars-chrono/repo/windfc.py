"""Hour-ahead wind farm power forecast (polars features, LightGBM, walk-forward CV)."""
from __future__ import annotations

import argparse
import json
import logging
from datetime import datetime
from pathlib import Path

import lightgbm as lgb
import matplotlib
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RATED_MW = 48.0
TEST_START = datetime(2023, 7, 1)
log = logging.getLogger("windfc")


def hourly_features(path: Path) -> pl.DataFrame:
    scada = pl.read_csv(path, try_parse_dates=True)
    hourly = (
        scada.sort("timestamp")
        .group_by_dynamic("timestamp", every="1h")
        .agg(pl.col("power_mw").mean(), pl.col("wind_speed_ms").mean(), pl.col("wind_dir_deg").mean())
        .upsample("timestamp", every="1h")
        .with_columns(pl.col(["power_mw", "wind_speed_ms", "wind_dir_deg"]).interpolate())
    )
    lagged = [pl.col("power_mw").shift(k).alias(f"p_lag{k}") for k in (1, 2, 3, 6, 24)]
    lagged += [pl.col("wind_speed_ms").shift(k).alias(f"ws_lag{k}") for k in (1, 2, 3)]
    return (
        hourly.with_columns(
            pl.col("power_mw").shift(-1).alias("target"),
            *lagged,
            pl.col("power_mw").rolling_mean(window_size=6).alias("p_roll6"),
            (pl.col("wind_speed_ms") ** 3).alias("ws_cubed"),
            pl.col("wind_dir_deg").radians().sin().alias("dir_sin"),
            pl.col("wind_dir_deg").radians().cos().alias("dir_cos"),
            pl.col("timestamp").dt.hour().alias("hour"),
            pl.col("timestamp").dt.ordinal_day().alias("doy"),
        )
        .drop_nulls()
    )


def scores(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    mae = mean_absolute_error(y, p)
    return {"mae_mw": mae, "rmse_mw": mean_squared_error(y, p) ** 0.5, "nmae_pct": 100 * mae / RATED_MW}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scada", type=Path, default=Path("data/scada_2021_2023.csv"))
    ap.add_argument("--out", type=Path, default=Path("artifacts"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    args.out.mkdir(parents=True, exist_ok=True)

    feats = hourly_features(args.scada)

    # EDA only: power curve scatter from a random subset of hours
    sample = feats.sample(n=5000, seed=args.seed)
    plt.scatter(sample["wind_speed_ms"], sample["power_mw"], s=2, alpha=0.3)
    plt.xlabel("wind speed [m/s]"); plt.ylabel("power [MW]")
    plt.savefig(args.out / "power_curve.png", dpi=120)

    dev = feats.filter(pl.col("timestamp") < TEST_START)
    test = feats.filter(pl.col("timestamp") >= TEST_START)
    cols = [c for c in feats.columns if c not in ("timestamp", "target")]
    X_dev, y_dev = dev.select(cols).to_numpy(), dev["target"].to_numpy()

    params = dict(n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=40, subsample=0.8,
                  subsample_freq=1, colsample_bytree=0.8, random_state=args.seed, verbose=-1)
    cv_mae, best_iters = [], []
    for fold, (tr_idx, va_idx) in enumerate(TimeSeriesSplit(n_splits=5, gap=24).split(X_dev)):
        m = lgb.LGBMRegressor(**params)
        m.fit(X_dev[tr_idx], y_dev[tr_idx], eval_set=[(X_dev[va_idx], y_dev[va_idx])],
              callbacks=[lgb.early_stopping(100, verbose=False)])
        cv_mae.append(mean_absolute_error(y_dev[va_idx], m.predict(X_dev[va_idx])))
        best_iters.append(m.best_iteration_)
        log.info("fold %d MAE %.3f (iters %d)", fold, cv_mae[-1], best_iters[-1])

    final = lgb.LGBMRegressor(**dict(params, n_estimators=int(np.median(best_iters))))
    final.fit(X_dev, y_dev)

    y_test = test["target"].to_numpy()
    pred = np.clip(final.predict(test.select(cols).to_numpy()), 0.0, RATED_MW)
    persistence = test["power_mw"].to_numpy()
    report = {"cv_mae_mean": float(np.mean(cv_mae)), "test": scores(y_test, pred),
              "test_persistence": scores(y_test, persistence)}
    log.info(json.dumps(report, indent=2))
    (args.out / "metrics.json").write_text(json.dumps(report, indent=2))
    final.booster_.save_model(str(args.out / "lgbm_windfc.txt"))


if __name__ == "__main__":
    main()
