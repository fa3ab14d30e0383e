"""Daily global horizontal irradiation (MJ m-2) at climate stations from sunshine duration,
temperature range and humidity, for back-filling sites whose pyranometers failed.

The archive team delivers 2003-2019 (development) and 2020-2022 (evaluation) as separate files.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

SEED = 2003
DEV_FILE, EVAL_FILE = Path("data/ghi_dev_2003_2019.csv"), Path("data/ghi_eval_2020_2022.csv")


def astronomy(lat_deg, doy):
    """Extraterrestrial radiation (MJ m-2 d-1) and maximum daylight hours, FAO-56 eqs. 21-34."""
    phi = np.deg2rad(lat_deg)
    dr = 1 + 0.033 * np.cos(2 * np.pi * doy / 365)
    delta = 0.409 * np.sin(2 * np.pi * doy / 365 - 1.39)
    ws = np.arccos(np.clip(-np.tan(phi) * np.tan(delta), -1, 1))
    ra = 37.586 * dr * (ws * np.sin(phi) * np.sin(delta) + np.cos(phi) * np.cos(delta) * np.sin(ws))
    return ra, 24 / np.pi * ws


def add_features(df):
    df = df.sort_values(["station_id", "date"]).copy()
    doy = df["date"].dt.dayofyear
    df["ra"], df["daylength_h"] = astronomy(df["lat"], doy)
    df["rel_sunshine"] = (df["sunshine_h"] / df["daylength_h"]).clip(0, 1)
    df["dtr"] = df["tmax"] - df["tmin"]
    df["sqrt_dtr"] = np.sqrt(df["dtr"].clip(lower=0))
    df["clear_sky"] = (0.75 + 2e-5 * df["elevation_m"]) * df["ra"]
    df["doy_sin"], df["doy_cos"] = np.sin(2 * np.pi * doy / 365.25), np.cos(2 * np.pi * doy / 365.25)
    by_station = df.groupby("station_id")
    df["rel_sunshine_prev"] = by_station["rel_sunshine"].shift(1)
    df["rel_sunshine_next"] = by_station["rel_sunshine"].shift(-1)
    return df


FEATURES = ["ra", "daylength_h", "rel_sunshine", "rel_sunshine_prev", "rel_sunshine_next", "dtr", "sqrt_dtr",
            "clear_sky", "rh_mean", "precip_mm", "snow_depth_cm", "elevation_m", "lat", "doy_sin", "doy_cos"]


def metrics(obs, pred):
    return {"mae": mean_absolute_error(obs, pred), "rmse": mean_squared_error(obs, pred) ** 0.5,
            "r2": r2_score(obs, pred), "mbe": float(np.mean(pred - obs))}


def main():
    dev = pd.read_csv(DEV_FILE, parse_dates=["date"]).assign(part="dev")
    ev = pd.read_csv(EVAL_FILE, parse_dates=["date"]).assign(part="eval")
    full = add_features(pd.concat([dev, ev], ignore_index=True))
    full = full.dropna(subset=FEATURES + ["ghi_mj"])

    dev, ev = full[full["part"] == "dev"], full[full["part"] == "eval"]
    fit, val = dev[dev["date"].dt.year <= 2017], dev[dev["date"].dt.year >= 2018]

    model = xgb.XGBRegressor(n_estimators=3000, learning_rate=0.03, max_depth=6, subsample=0.8,
                             colsample_bytree=0.8, min_child_weight=10, early_stopping_rounds=150,
                             random_state=SEED, tree_method="hist")
    model.fit(fit[FEATURES], fit["ghi_mj"], eval_set=[(val[FEATURES], val["ghi_mj"])], verbose=500)

    # Angstrom-Prescott reference: GHI/Ra = a + b * n/N, coefficients from the development years
    b, a = np.polyfit(dev["rel_sunshine"], dev["ghi_mj"] / dev["ra"], deg=1)
    angstrom = (a + b * ev["rel_sunshine"]) * ev["ra"]

    report = {"xgboost": metrics(ev["ghi_mj"], model.predict(ev[FEATURES])),
              "angstrom_prescott": metrics(ev["ghi_mj"], angstrom),
              "angstrom_coefficients": {"a": float(a), "b": float(b)},
              "best_iteration": int(model.best_iteration)}
    print(json.dumps(report, indent=2))
    Path("models").mkdir(exist_ok=True)
    model.save_model("models/ghi_xgb.json")


if __name__ == "__main__":
    main()
