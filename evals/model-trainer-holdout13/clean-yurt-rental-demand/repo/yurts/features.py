import numpy as np
import pandas as pd


def daily_features(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise / backward-looking features only, so it is safe to build them before splitting."""
    df = df.sort_values("date").reset_index(drop=True)
    df["dow"] = df["date"].dt.dayofweek
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["is_bank_holiday"] = df["is_bank_holiday"].astype(int)
    for lag in (7, 14, 28, 364):
        df[f"nights_lag{lag}"] = df["nights_booked"].shift(lag)
    df["nights_ma28_lag7"] = df["nights_booked"].shift(7).rolling(28).mean()
    df["forecast_rain_mm"] = df["forecast_rain_mm"].clip(upper=60)
    return df.dropna().reset_index(drop=True)
