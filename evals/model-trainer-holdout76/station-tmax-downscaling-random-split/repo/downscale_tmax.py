"""Statistical downscaling of daily maximum temperature: ERA5 grid-cell predictors -> station Tmax."""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split


def nearest_cell_predictors(ds, meta, predictors):
    frames = []
    for _, st in meta.iterrows():
        cell = ds[predictors].sel(latitude=st.lat, longitude=st.lon, method="nearest")
        df = cell.to_dataframe().reset_index()[["time"] + predictors]
        df["station"] = st.station
        df["elev_diff"] = st.elevation - float(ds["orography"].sel(latitude=st.lat, longitude=st.lon, method="nearest"))
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def add_time_features(df, predictors, lags):
    df = df.sort_values(["station", "time"]).copy()
    doy = df["time"].dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    for lag in lags:
        for p in ["t2m", "t850"]:
            df[f"{p}_lag{lag}"] = df.groupby("station")[p].shift(lag)
        df[f"tmax_obs_lag{lag}"] = df.groupby("station")["tmax"].shift(lag)
    return df.dropna()


def scores(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p)),
            "bias": float(np.mean(p - y))}


def main(cfg):
    out = Path(cfg["out"]); out.mkdir(parents=True, exist_ok=True)
    ds = xr.open_dataset(cfg["era5_path"])
    ds["t2m"] = ds["t2m"] - 273.15
    ds["t850"] = ds["t850"] - 273.15
    meta = pd.read_csv(cfg["station_meta"])

    X_grid = nearest_cell_predictors(ds, meta, cfg["predictors"])
    obs = pd.read_csv(cfg["stations_path"], parse_dates=["time"])
    df = X_grid.merge(obs[["station", "time", "tmax"]], on=["station", "time"], how="inner")
    df = add_time_features(df, cfg["predictors"], cfg["lags"])
    df = pd.get_dummies(df, columns=["station"], prefix="st", dtype=float)
    print(f"{len(df)} station-days, {df['time'].min():%Y-%m-%d} .. {df['time'].max():%Y-%m-%d}")

    feature_cols = [c for c in df.columns if c not in ("time", "tmax")]
    train_df, test_df = train_test_split(df, test_size=cfg["test_size"], random_state=cfg["seed"])

    X_train, y_train = train_df[feature_cols], train_df["tmax"]
    X_test, y_test = test_df[feature_cols], test_df["tmax"]

    # baseline: linear bias correction of the raw ERA5 2 m temperature
    lin = LinearRegression().fit(X_train[["t2m"]], y_train)
    hgb = HistGradientBoostingRegressor(random_state=cfg["seed"], early_stopping=True,
                                        validation_fraction=0.1, **cfg["model"])
    hgb.fit(X_train, y_train)

    results = {"era5_linear": scores(y_test, lin.predict(X_test[["t2m"]])),
               "hgb": scores(y_test, hgb.predict(X_test))}
    for k, v in results.items():
        print(f"{k:>12}: RMSE {v['rmse']:.2f} K  MAE {v['mae']:.2f} K  bias {v['bias']:+.2f} K")

    joblib.dump({"model": hgb, "features": feature_cols}, out / "hgb_tmax.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "config.json") as fh:
        main(json.load(fh))
