"""Per-station predictors for next-day wet/dry classification.

Observations for day D are valid 06 UTC D -> 06 UTC D+1. The NWP run used is the 00 UTC run of
day D, so everything observed up to day D-1 plus the day-1 NWP forecast is known at issue time.
"""
import numpy as np
import pandas as pd

OBS_VARS = ["precip_mm", "tmax_c", "tmin_c", "rh_mean", "sunshine_h", "mslp_hpa"]
NWP_VARS = ["nwp_tp_mm", "nwp_cape", "nwp_tcwv", "nwp_w700", "nwp_rh850"]


def _by_station(df, col):
    return df.groupby("station_id", sort=False)[col]


def add_lags(df, lags):
    for var in OBS_VARS:
        for k in lags:
            df[f"{var}_lag{k}"] = _by_station(df, var).shift(k)
    return df


def add_windows(df, windows):
    for w in windows:
        df[f"precip_sum_{w}d"] = _by_station(df, "precip_mm").transform(
            lambda s: s.rolling(w, min_periods=1).sum()
        )
        df[f"wet_frac_{w}d"] = _by_station(df, "precip_mm").transform(
            lambda s: (s.shift(1) >= 1.0).rolling(w, min_periods=1).mean()
        )
    df["mslp_tend_24h"] = df["mslp_hpa_lag1"] - df["mslp_hpa_lag2"]
    return df


def add_calendar(df):
    doy = df["date"].dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    return df


def build_table(obs: pd.DataFrame, nwp: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    df = obs.sort_values(["station_id", "date"]).reset_index(drop=True)
    df = add_lags(df, cfg["features"]["lags"])
    df = add_windows(df, cfg["features"]["windows"])
    df = add_calendar(df)
    df = df.merge(nwp, on=["station_id", "date"], how="inner")
    df["wet"] = (df["precip_mm"] >= cfg["data"]["wet_day_mm"]).astype(int)
    return df


def feature_columns(df: pd.DataFrame) -> list[str]:
    lagged = [c for c in df.columns if "_lag" in c]
    derived = [c for c in df.columns if c.startswith(("precip_sum_", "wet_frac_"))]
    return lagged + derived + ["mslp_tend_24h", "doy_sin", "doy_cos", "elevation_m"] + NWP_VARS
