"""Estimate daily minimum temperature at ungauged sites.

Reanalysis (ERA5-Land, ~9 km) under-represents cold-air pooling in valleys, so a random forest
learns the station-minus-reanalysis difference from terrain descriptors. Evaluation holds out
whole stations, since the model is meant for locations without observations.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

DATA_DIR = Path("data")
OUT_DIR = Path("outputs/ungauged_tmin")
TERRAIN = ["elevation_m", "elev_diff_era5_m", "tpi_500m", "tpi_2km", "slope_deg",
           "aspect_sin", "aspect_cos", "sky_view_factor", "dist_coast_km", "forest_frac"]
DYNAMIC = ["era5l_tmin", "era5l_t2m_18utc", "era5l_wind10_night", "era5l_tcc_night",
           "era5l_snow_depth", "era5l_swvl1"]


def load():
    obs = pd.read_parquet(DATA_DIR / "station_tmin_2001_2020.parquet")
    era = pd.read_parquet(DATA_DIR / "era5land_at_stations_2001_2020.parquet")
    meta = pd.read_csv(DATA_DIR / "station_terrain_descriptors.csv")
    df = obs.merge(era, on=["station_id", "date"]).merge(meta, on="station_id")
    df["date"] = pd.to_datetime(df["date"])
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["residual"] = df["tmin_obs"] - df["era5l_tmin"]
    return df.dropna(subset=TERRAIN + DYNAMIC + ["residual"])


def scores(obs, pred):
    return {
        "mae": mean_absolute_error(obs, pred),
        "rmse": mean_squared_error(obs, pred) ** 0.5,
        "r2": r2_score(obs, pred),
        "bias": float(np.mean(pred - obs)),
    }


def main():
    df = load()
    print(f"{df['station_id'].nunique()} stations, {len(df):,} station-days")

    # ~2.5M station-days is more than the forest needs; thin to keep training tractable
    df = df.sample(frac=0.2)

    features = TERRAIN + DYNAMIC + ["doy_sin", "doy_cos"]
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25)
    train_idx, test_idx = next(splitter.split(df, groups=df["station_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    print(f"train stations={train['station_id'].nunique()} test stations={test['station_id'].nunique()}")

    rf = RandomForestRegressor(
        n_estimators=400,
        max_features=0.5,
        min_samples_leaf=20,
        max_samples=0.3,
        n_jobs=-1,
    )
    rf.fit(train[features], train["residual"])

    tmin_pred = test["era5l_tmin"] + rf.predict(test[features])
    lapse = test["era5l_tmin"] - 0.0065 * test["elev_diff_era5_m"]
    mean_offset = test["era5l_tmin"] + train["residual"].mean()

    report = {
        "random_forest": scores(test["tmin_obs"], tmin_pred),
        "era5land_raw": scores(test["tmin_obs"], test["era5l_tmin"]),
        "era5land_lapse_rate": scores(test["tmin_obs"], lapse),
        "era5land_mean_offset": scores(test["tmin_obs"], mean_offset),
    }
    per_station = (test.assign(err=tmin_pred - test["tmin_obs"])
                   .groupby("station_id")["err"].agg(["mean", lambda e: np.sqrt(np.mean(e ** 2))]))
    per_station.columns = ["bias", "rmse"]

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "report.json").write_text(json.dumps(report, indent=2))
    per_station.to_csv(OUT_DIR / "per_station_test.csv")
    importances = pd.Series(rf.feature_importances_, index=features).sort_values(ascending=False)
    print(json.dumps(report, indent=2))
    print(importances.head(10))


if __name__ == "__main__":
    main()
