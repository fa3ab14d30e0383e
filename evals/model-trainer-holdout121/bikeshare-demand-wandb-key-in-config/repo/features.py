import numpy as np
import pandas as pd


def hourly_station_departures(trips: pd.DataFrame, min_trips: int) -> pd.DataFrame:
    trips = trips.assign(hour=trips["started_at"].dt.floor("h"))
    counts = trips.groupby(["start_station_id", "hour"]).size().rename("departures")
    busy = counts.groupby(level=0).sum()
    counts = counts[counts.index.get_level_values(0).isin(busy[busy >= min_trips].index)]
    stations = counts.index.get_level_values(0).unique()
    hours = pd.date_range(trips["hour"].min(), trips["hour"].max(), freq="h")
    full = pd.MultiIndex.from_product([stations, hours], names=["start_station_id", "hour"])
    return counts.reindex(full, fill_value=0).reset_index()


def add_features(df: pd.DataFrame, weather: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["start_station_id", "hour"]).copy()
    grp = df.groupby("start_station_id")["departures"]
    for lag in (24, 48, 168):
        df[f"lag_{lag}"] = grp.shift(lag)
    df["same_hour_last_week_mean"] = grp.transform(
        lambda s: s.shift(168).rolling(24 * 7, min_periods=24).mean())
    df["hour_of_day"] = df["hour"].dt.hour
    df["dow"] = df["hour"].dt.dayofweek
    df["hour_sin"] = np.sin(2 * np.pi * df["hour_of_day"] / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["hour_of_day"] / 24)
    df = df.merge(weather[["hour", "temp_c", "precip_mm", "wind_kmh"]], on="hour", how="left")
    df["station_code"] = df["start_station_id"].astype("category")
    return df.dropna(subset=["lag_168"])


FEATURES = ["station_code", "lag_24", "lag_48", "lag_168", "same_hour_last_week_mean",
            "hour_of_day", "dow", "hour_sin", "hour_cos", "temp_c", "precip_mm", "wind_kmh"]
