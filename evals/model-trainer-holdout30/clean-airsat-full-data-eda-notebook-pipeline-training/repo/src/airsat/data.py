"""Passenger-satisfaction survey loader (row-wise cleanup only)."""
from __future__ import annotations

import pandas as pd

TARGET = "satisfied"
CATEGORICAL = ["gender", "customer_type", "travel_type", "travel_class"]
NUMERIC = [
    "age", "flight_distance", "departure_delay_min", "arrival_delay_min",
    "wifi", "online_booking", "seat_comfort", "inflight_entertainment", "onboard_service",
    "legroom", "baggage_handling", "checkin_service", "cleanliness", "food_and_drink",
]


def load_survey(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df.columns = [c.strip().lower().replace(" ", "_").replace("-", "_") for c in df.columns]
    df = df.rename(columns={"class": "travel_class", "type_of_travel": "travel_type",
                            "departure_delay_in_minutes": "departure_delay_min",
                            "arrival_delay_in_minutes": "arrival_delay_min",
                            "inflight_wifi_service": "wifi", "ease_of_online_booking": "online_booking",
                            "leg_room_service": "legroom", "on_board_service": "onboard_service"})
    df[TARGET] = (df.pop("satisfaction") == "satisfied").astype(int)
    return df.drop_duplicates(subset="id").drop(columns=["id"])
