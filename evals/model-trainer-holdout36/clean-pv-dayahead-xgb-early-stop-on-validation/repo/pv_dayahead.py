"""Day-ahead hourly PV output for a 49.9 MW plant from NWP forecasts.

Forecasts are issued at 12:00 on D-1 for the 24 hours of D. The latest metered
hour at issue time is 11:00 on D-1, so the only power lag used is 48 h.
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error

CAPACITY_MW = 49.9
LAT, LON = 37.09, -2.36
SEED = 73
log = logging.getLogger("pv")


def solar_elevation(idx: pd.DatetimeIndex) -> np.ndarray:
    """Approximate solar elevation (degrees) from timestamp and site coordinates; no data involved."""
    doy = idx.dayofyear.to_numpy()
    decl = 23.44 * np.sin(np.radians(360 / 365 * (doy - 81)))
    solar_time = idx.hour.to_numpy() + idx.minute.to_numpy() / 60 + LON / 15
    hour_angle = 15 * (solar_time - 12)
    lat, d, h = np.radians(LAT), np.radians(decl), np.radians(hour_angle)
    return np.degrees(np.arcsin(np.sin(lat) * np.sin(d) + np.cos(lat) * np.cos(d) * np.cos(h)))


def build(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["elev"] = solar_elevation(frame.index)
    frame["clearsky_proxy"] = np.clip(np.sin(np.radians(frame["elev"])), 0, None)
    frame["ghi_ratio"] = frame["ghi_fcst"] / (1000 * frame["clearsky_proxy"] + 1)
    frame["doy_sin"] = np.sin(2 * np.pi * frame.index.dayofyear / 365.25)
    frame["doy_cos"] = np.cos(2 * np.pi * frame.index.dayofyear / 365.25)
    frame["hour"] = frame.index.hour
    frame["cf"] = frame["power_mw"] / CAPACITY_MW          # capacity factor target
    frame["cf_lag_48"] = frame["cf"].shift(48)
    return frame.dropna(subset=["cf", "cf_lag_48"])


NWP = ["ghi_fcst", "dni_fcst", "cloud_fcst", "temp_fcst", "wind_fcst"]
FEATURES = NWP + ["elev", "clearsky_proxy", "ghi_ratio", "doy_sin", "doy_cos", "hour", "cf_lag_48"]


def scores(y_cf, p_cf):
    y, p = y_cf * CAPACITY_MW, np.clip(p_cf, 0, 1) * CAPACITY_MW
    return {"mae_mw": mean_absolute_error(y, p), "rmse_mw": mean_squared_error(y, p) ** 0.5,
            "nmae_pct": 100 * mean_absolute_error(y, p) / CAPACITY_MW}


def main(path):
    frame = build(pd.read_parquet(path).set_index("timestamp").sort_index())

    fit = frame.loc["2020-01-01":"2021-12-31"]
    es = frame.loc["2022-01-01":"2022-06-30"]
    test = frame.loc["2022-07-01":"2022-12-31"]
    X_fit, y_fit = fit[FEATURES], fit["cf"]
    X_es, y_es = es[FEATURES], es["cf"]
    X_te, y_te = test[FEATURES], test["cf"]

    booster = xgb.XGBRegressor(
        n_estimators=4000, learning_rate=0.02, max_depth=7, min_child_weight=5,
        subsample=0.8, colsample_bytree=0.8, objective="reg:squarederror",
        early_stopping_rounds=150, eval_metric="mae", random_state=SEED, tree_method="hist",
    )
    booster.fit(X_fit, y_fit, eval_set=[(X_es, y_es)], verbose=500)
    log.info("trees kept: %d", booster.best_iteration + 1)

    nwp_lr = LinearRegression().fit(fit[["ghi_fcst", "clearsky_proxy"]], y_fit)

    report = {
        "xgboost": scores(y_te.to_numpy(), booster.predict(X_te)),
        "persistence_48h": scores(y_te.to_numpy(), test["cf_lag_48"].to_numpy()),
        "nwp_linear": scores(y_te.to_numpy(), nwp_lr.predict(test[["ghi_fcst", "clearsky_proxy"]])),
    }
    report["skill_vs_persistence"] = 1 - report["xgboost"]["rmse_mw"] / report["persistence_48h"]["rmse_mw"]
    print(json.dumps(report, indent=2))
    booster.save_model("pv_dayahead_xgb.json")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/pv_plant_hourly.parquet")
    main(ap.parse_args().data)
