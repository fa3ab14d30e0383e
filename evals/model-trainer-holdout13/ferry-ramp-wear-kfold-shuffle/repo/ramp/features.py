"""Feature engineering for the ferry ramp hinge wear model.

Each row is one ramp on one day: crossings, vehicle tonnage, tide range, salt spray index and the
measured hinge wear (mm, cumulative since last overhaul)."""
import pandas as pd


def add_calendar(df: pd.DataFrame, date_col: str) -> pd.DataFrame:
    d = df[date_col]
    df["dow"] = d.dt.dayofweek
    df["month"] = d.dt.month
    df["is_summer_timetable"] = d.dt.month.isin([6, 7, 8]).astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["ramp_id", "date"]).copy()
    g = df.groupby("ramp_id")
    for k in lags:
        df[f"{target}_lag{k}"] = g[target].shift(k)
        df[f"tonnage_lag{k}"] = g["vehicle_tonnage"].shift(k)
    for w in windows:
        df[f"tonnage_roll{w}"] = g["vehicle_tonnage"].transform(lambda s: s.shift(1).rolling(w).sum())
        df[f"crossings_roll{w}"] = g["crossings"].transform(lambda s: s.shift(1).rolling(w).mean())
    return df.dropna().reset_index(drop=True)


def build(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    df = add_calendar(df, cfg["data"]["date_col"])
    return add_lags(df, cfg["data"]["target"], cfg["features"]["lags"], cfg["features"]["rolling"])
