import pandas as pd

SENSORS = ["glass_temp_c", "room_temp_c", "room_rh", "dewpoint_c", "lamp_on", "vent_open", "wind_ms", "sea_temp_c"]


def build(hourly: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Target: minutes of lens fogging in the next `horizon` hours. Features use only the past."""
    df = hourly.sort_index().copy()
    df["dew_margin"] = df["glass_temp_c"] - df["dewpoint_c"]
    for lag in (1, 2, 3, 6, 12, 24):
        df[f"dew_margin_lag{lag}"] = df["dew_margin"].shift(lag)
        df[f"rh_lag{lag}"] = df["room_rh"].shift(lag)
    df["dew_margin_roll6"] = df["dew_margin"].rolling(6).mean()
    df["hour"] = df.index.hour
    df["month"] = df.index.month
    future = df["fog_minutes"][::-1].rolling(horizon, min_periods=horizon).sum()[::-1].shift(-1)
    df["target"] = future
    return df.dropna()
