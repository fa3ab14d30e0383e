import numpy as np
import pandas as pd
from pandas.tseries.holiday import USFederalHolidayCalendar

LOAD_LAGS = [24, 48, 168, 336]


def calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    ts = df["timestamp"]
    df["hour"] = ts.dt.hour
    df["dow"] = ts.dt.dayofweek
    df["month"] = ts.dt.month
    df["hour_sin"] = np.sin(2 * np.pi * df["hour"] / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["hour"] / 24)
    df["doy_sin"] = np.sin(2 * np.pi * ts.dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * ts.dt.dayofyear / 365.25)
    cal = USFederalHolidayCalendar()
    hol = cal.holidays(start=ts.min().date(), end=ts.max().date())
    df["is_holiday"] = ts.dt.tz_localize(None).dt.normalize().isin(hol).astype(int)
    return df


def weather_features(df: pd.DataFrame, base_temp: float = 65.0) -> pd.DataFrame:
    df["hdd"] = (base_temp - df["temp_f"]).clip(lower=0)
    df["cdd"] = (df["temp_f"] - base_temp).clip(lower=0)
    df["temp_roll_24"] = df.groupby("zone")["temp_f"].transform(lambda s: s.rolling(24, min_periods=1).mean())
    return df


def scale_by_zone(df: pd.DataFrame) -> pd.DataFrame:
    """Put zones of very different size on a common scale for a single global model."""
    df["zone_scale"] = df.groupby("zone")["load_mw"].transform("mean")
    df["load_scaled"] = df["load_mw"] / df["zone_scale"]
    return df


def lag_features(df: pd.DataFrame, target: str = "load_scaled") -> pd.DataFrame:
    grp = df.groupby("zone")[target]
    for lag in LOAD_LAGS:
        df[f"lag_{lag}"] = grp.shift(lag)
    df["roll_mean_168"] = grp.transform(lambda s: s.shift(24).rolling(168, min_periods=24).mean())
    df["roll_max_24"] = grp.transform(lambda s: s.shift(24).rolling(24, min_periods=12).max())
    return df


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = calendar_features(df)
    df = weather_features(df)
    df = scale_by_zone(df)
    df = lag_features(df)
    df["zone_id"] = df["zone"].astype("category").cat.codes
    return df.dropna(subset=[f"lag_{lag}" for lag in LOAD_LAGS])
