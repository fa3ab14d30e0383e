import logging

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July",
     "August", "September", "October", "November", "December"], start=1)}


def load_bookings(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["arrival_date"] = pd.to_datetime(dict(
        year=df["arrival_date_year"],
        month=df["arrival_date_month"].map(MONTHS),
        day=df["arrival_date_day_of_month"],
    ))
    df["children"] = df["children"].fillna(0)
    df["agent"] = df["agent"].fillna(0).astype(int).astype(str)
    df["country"] = df["country"].fillna("UNK")
    # drop columns that are only known after the stay
    return df.drop(columns=["reservation_status", "reservation_status_date"])


def _smoothed_rate(df: pd.DataFrame, key: str, target: str, alpha: float = 20.0) -> pd.Series:
    prior = df[target].mean()
    stats = df.groupby(key)[target].agg(["sum", "count"])
    rate = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return df[key].map(rate).fillna(prior)


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["total_nights"] = df["stays_in_weekend_nights"] + df["stays_in_week_nights"]
    df["adr"] = df["adr"].clip(lower=0, upper=1000)
    df["log_lead_time"] = np.log1p(df["lead_time"])
    # high-cardinality keys -> smoothed historical cancellation rate
    df["country_cancel_rate"] = _smoothed_rate(df, "country", "is_canceled")
    df["agent_cancel_rate"] = _smoothed_rate(df, "agent", "is_canceled")
    log.info("features added: %d rows", len(df))
    return df


def split_by_arrival(df: pd.DataFrame, valid_start: str, test_start: str):
    train = df[df["arrival_date"] < valid_start]
    valid = df[(df["arrival_date"] >= valid_start) & (df["arrival_date"] < test_start)]
    test = df[df["arrival_date"] >= test_start]
    return train, valid, test
