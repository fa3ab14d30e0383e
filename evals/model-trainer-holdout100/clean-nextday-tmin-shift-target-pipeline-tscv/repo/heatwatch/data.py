"""Warm-season supervised table for next-night minimum temperature (urban heat-health warnings)."""
import numpy as np
import pandas as pd

OBS = ["tmax", "tmin", "tmean", "rh_15", "wind_mean", "cloud_mean", "sunshine_h", "mslp", "soil_moist_idx"]


def load_daily(path):
    df = pd.read_csv(path, parse_dates=["date"]).set_index("date").sort_index()
    return df.asfreq("D")


def make_supervised(df, months):
    out = df[OBS].copy()
    out["target_tmin_next"] = df["tmin"].shift(-1)
    for k in (1, 2):
        out[f"tmin_lag{k}"] = df["tmin"].shift(k)
        out[f"tmax_lag{k}"] = df["tmax"].shift(k)
    out["tmax_3d_mean"] = df["tmax"].rolling(3).mean()
    out["dtr"] = df["tmax"] - df["tmin"]
    out["doy_sin"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)
    out = out[out.index.month.isin(months)]
    return out.dropna()
