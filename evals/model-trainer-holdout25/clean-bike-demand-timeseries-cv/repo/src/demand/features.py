"""Feature engineering for hourly bike demand. Every feature at hour t uses data up to t-1 only."""
import numpy as np
import pandas as pd

LAGS = (1, 2, 3, 24, 48, 168)
EXOGENOUS = ["temp", "atemp", "hum", "windspeed", "holiday", "workingday", "weathersit"]


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["hour_sin"] = np.sin(2 * np.pi * out.index.hour / 24)
    out["hour_cos"] = np.cos(2 * np.pi * out.index.hour / 24)
    out["dow"] = out.index.dayofweek
    out["is_weekend"] = (out["dow"] >= 5).astype(int)
    return out


def add_history(df: pd.DataFrame, target: str = "cnt") -> pd.DataFrame:
    out = df.copy()
    past = out[target].shift(1)
    for lag in LAGS:
        out[f"lag_{lag}"] = out[target].shift(lag)
    out["roll_mean_24"] = past.rolling(24).mean()
    out["roll_std_24"] = past.rolling(24).std()
    out["roll_mean_168"] = past.rolling(168).mean()
    return out


def build(raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw.set_index("timestamp").sort_index()[["cnt"] + EXOGENOUS].asfreq("h")
    frame["cnt"] = frame["cnt"].fillna(0)      # missing hours in the UCI file = no rentals recorded
    frame[EXOGENOUS] = frame[EXOGENOUS].ffill()
    return add_history(add_calendar(frame)).dropna()
