"""Booking-time features for predicting whether a team escapes the room within 60 minutes."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

FEATURES = [
    "team_size", "room_difficulty", "room_success_rate_published", "share_first_timers",
    "mean_age", "is_corporate", "is_birthday", "start_hour", "is_weekend", "booking_lead_days",
    "previous_visits_max", "english_game",
]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["start_time", "booked_at"])
    df["start_hour"] = df["start_time"].dt.hour
    df["is_weekend"] = (df["start_time"].dt.dayofweek >= 5).astype(int)
    df["booking_lead_days"] = (df["start_time"] - df["booked_at"]).dt.total_seconds() / 86400
    df["english_game"] = (df["game_language"] == "en").astype(int)
    return df


def split(df: pd.DataFrame, target: str, test_size: float, seed: int):
    X, y = df[FEATURES], df[target].astype(int)
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
