import numpy as np
import pandas as pd


def load_merged(cfg):
    aq = pd.read_parquet(cfg["data"]["path"])
    met = pd.read_parquet(cfg["data"]["met_path"])
    aq["datetime_utc"] = pd.to_datetime(aq["datetime_utc"], utc=True)
    met["datetime_utc"] = pd.to_datetime(met["datetime_utc"], utc=True)
    df = aq.merge(met, on=["site_id", "datetime_utc"], how="left")
    df = df.sort_values(["site_id", "datetime_utc"]).reset_index(drop=True)
    # AQS flags: keep only valid / estimated hours
    df.loc[~df["qualifier"].isin(["", "V", "E"]), "no2_ppb"] = np.nan
    return df


def make_features(df, lags, horizon):
    g = df.groupby("site_id")["no2_ppb"]
    for lag in lags:
        df[f"no2_lag{lag}"] = g.shift(lag)
    df["no2_ewm12"] = g.transform(lambda s: s.ewm(halflife=12, ignore_na=True).mean())
    local = df["datetime_utc"].dt.tz_convert("America/Los_Angeles")
    df["hour"] = local.dt.hour
    df["dow"] = local.dt.dayofweek
    df["doy"] = local.dt.dayofyear
    df["site_id"] = df["site_id"].astype("category")
    df["y"] = g.shift(-horizon)
    return df.dropna(subset=["y", "no2_ppb", "no2_lag1"])


def split_by_time(df, train_end, val_end):
    t = df["datetime_utc"]
    train_end = pd.Timestamp(train_end, tz="UTC")
    val_end = pd.Timestamp(val_end, tz="UTC")
    return df[t <= train_end], df[(t > train_end) & (t <= val_end)], df[t > val_end]
