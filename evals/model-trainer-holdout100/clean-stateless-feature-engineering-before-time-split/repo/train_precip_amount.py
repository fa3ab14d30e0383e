"""Day-ahead precipitation amount at gauge stations: CatBoost on log1p(mm) with NWP guidance.

Rows are station-days. Feature engineering runs once on the full table, then the table is cut by date.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error

SEED = 99
SRC = Path("data/gauges_with_nwp_2008_2020.parquet")
TRAIN_END, VALID_END = "2017-12-31", "2018-12-31"


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["station_id", "date"]).copy()
    # unit handling: NWP temperatures arrive in K, precipitation in m
    for col in ["nwp_t2m", "nwp_td2m", "nwp_t850"]:
        df[col] = df[col] - 273.15
    df["nwp_tp_mm"] = df["nwp_tp_m"] * 1000.0
    df["log_nwp_tp"] = np.log1p(df["nwp_tp_mm"].clip(lower=0))

    rad = np.deg2rad(df["nwp_wdir850"])
    df["nwp_u850"] = -df["nwp_ws850"] * np.sin(rad)
    df["nwp_v850"] = -df["nwp_ws850"] * np.cos(rad)
    df["nwp_dewpoint_dep"] = df["nwp_t2m"] - df["nwp_td2m"]

    doy = df["date"].dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)

    g = df.groupby("station_id", sort=False)["precip_mm"]
    for k in (1, 2, 3):
        df[f"precip_lag{k}"] = g.shift(k)
    df["precip_prev7d"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=5).sum())
    df["log_precip"] = np.log1p(df["precip_mm"].clip(lower=0))
    return df


FEATURES = ["station_id", "elevation_m", "nwp_tp_mm", "log_nwp_tp", "nwp_cape", "nwp_tcwv",
            "nwp_t2m", "nwp_t850", "nwp_dewpoint_dep", "nwp_u850", "nwp_v850", "nwp_mslp",
            "doy_sin", "doy_cos", "precip_lag1", "precip_lag2", "precip_lag3", "precip_prev7d"]


def scores(obs_mm, pred_mm):
    wet = obs_mm >= 1.0
    return {
        "mae": mean_absolute_error(obs_mm, pred_mm),
        "rmse": mean_squared_error(obs_mm, pred_mm) ** 0.5,
        "mae_wet_days": mean_absolute_error(obs_mm[wet], pred_mm[wet]),
        "bias_ratio": float(pred_mm.sum() / obs_mm.sum()),
    }


def main():
    raw = pd.read_parquet(SRC)
    raw["date"] = pd.to_datetime(raw["date"])
    df = engineer(raw).dropna(subset=FEATURES + ["log_precip"])

    train = df[df["date"] <= TRAIN_END]
    valid = df[(df["date"] > TRAIN_END) & (df["date"] <= VALID_END)]
    test = df[df["date"] > VALID_END]
    print(len(train), len(valid), len(test))

    cat = ["station_id"]
    model = CatBoostRegressor(iterations=5000, learning_rate=0.03, depth=8, loss_function="RMSE",
                              random_seed=SEED, od_type="Iter", od_wait=200, verbose=500)
    model.fit(Pool(train[FEATURES], train["log_precip"], cat_features=cat),
              eval_set=Pool(valid[FEATURES], valid["log_precip"], cat_features=cat),
              use_best_model=True)

    obs = test["precip_mm"].to_numpy()
    pred = np.expm1(model.predict(test[FEATURES])).clip(min=0)

    clim = train.groupby(["station_id", train["date"].dt.month])["precip_mm"].mean()
    clim_fc = clim.reindex(pd.MultiIndex.from_arrays([test["station_id"], test["date"].dt.month])).to_numpy()
    report = {
        "catboost": scores(obs, pred),
        "raw_nwp": scores(obs, test["nwp_tp_mm"].to_numpy()),
        "station_month_climatology": scores(obs, np.nan_to_num(clim_fc, nan=train["precip_mm"].mean())),
    }
    print(json.dumps(report, indent=2))
    Path("models").mkdir(exist_ok=True)
    model.save_model("models/precip_amount_catboost.cbm")
    Path("models/precip_amount_test_scores.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
