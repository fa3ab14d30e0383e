"""Daily rentals per docking station, plus weather."""
from __future__ import annotations

import pandas as pd


def load_daily(rentals_path: str, weather_path: str) -> pd.DataFrame:
    rentals = pd.read_parquet(rentals_path)          # date, station_id, rentals
    weather = pd.read_parquet(weather_path)          # date, temp_c, precip_mm, wind_kmh
    df = rentals.merge(weather, on="date", how="left")
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values(["station_id", "date"]).reset_index(drop=True)
