import hashlib

import numpy as np
import pandas as pd


def sha256sum(path, chunk=1 << 20):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def build_frame(df, lags, horizon):
    df = df.sort_values(["station", "time"]).copy()
    g = df.groupby("station")["no2"]
    for k in lags:
        df[f"no2_lag{k}"] = g.shift(k)
    df["no2_diff24"] = df["no2_lag1"] - df["no2_lag24"]
    local = df["time"].dt.tz_convert("Europe/Berlin")
    df["hour"] = local.dt.hour
    df["weekday"] = local.dt.dayofweek
    df["month"] = local.dt.month
    df["wind_u"] = -df["ws"] * np.sin(np.deg2rad(df["wd"]))
    df["wind_v"] = -df["ws"] * np.cos(np.deg2rad(df["wd"]))
    df["target"] = g.shift(-horizon)
    return df.dropna(subset=["target", "no2", "no2_lag1"])
