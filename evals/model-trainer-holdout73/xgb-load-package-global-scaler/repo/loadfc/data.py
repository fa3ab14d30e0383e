from pathlib import Path

import pandas as pd


def load_zonal_load(path: Path) -> pd.DataFrame:
    """Hourly metered load per zone, long format: timestamp, zone, load_mw."""
    df = pd.read_parquet(path)
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True).dt.tz_convert("US/Eastern")
    df = df.drop_duplicates(["zone", "timestamp"]).sort_values(["zone", "timestamp"])
    # Short meter outages are interpolated within zone, longer gaps stay missing.
    df["load_mw"] = df.groupby("zone")["load_mw"].transform(
        lambda s: s.interpolate(limit=3, limit_area="inside")
    )
    return df.reset_index(drop=True)


def load_weather(path: Path) -> pd.DataFrame:
    wx = pd.read_parquet(path)
    wx["timestamp"] = pd.to_datetime(wx["timestamp"], utc=True).dt.tz_convert("US/Eastern")
    return wx[["timestamp", "zone", "temp_f", "dewpoint_f", "wind_mph", "cloud_cover"]]


def merge_sources(load: pd.DataFrame, weather: pd.DataFrame) -> pd.DataFrame:
    df = load.merge(weather, on=["timestamp", "zone"], how="left")
    df[["temp_f", "dewpoint_f"]] = df.groupby("zone")[["temp_f", "dewpoint_f"]].ffill()
    return df
