"""Card- and merchant-level velocity features for card-not-present scoring."""
import numpy as np
import pandas as pd

CARD_WINDOWS = ["1h", "24h", "7d"]
MERCHANT_WINDOWS = ["1h", "24h"]

FEATURE_COLUMNS = [
    "amount",
    "log_amount",
    "hour",
    "day_of_week",
    "is_international",
    "secs_since_prev_card_txn",
    "amount_to_card_mean",
    *[f"card_txn_count_{w}" for w in CARD_WINDOWS],
    *[f"card_amount_sum_{w}" for w in CARD_WINDOWS],
    *[f"merchant_txn_count_{w}" for w in MERCHANT_WINDOWS],
    "card_distinct_merchants_last50",
]


def _add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["hour"] = df["event_time"].dt.hour
    df["day_of_week"] = df["event_time"].dt.dayofweek
    df["log_amount"] = np.log1p(df["amount"])
    df["is_international"] = (df["card_country"] != df["merchant_country"]).astype(int)
    return df


def _add_card_velocity(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["card_id", "event_time"]).copy()
    grouped = df.set_index("event_time").groupby("card_id", sort=False)["amount"]
    for window in CARD_WINDOWS:
        # closed="left": the current transaction is excluded from its own window
        df[f"card_txn_count_{window}"] = grouped.rolling(window, closed="left").count().fillna(0).to_numpy()
        df[f"card_amount_sum_{window}"] = grouped.rolling(window, closed="left").sum().fillna(0).to_numpy()

    merchant_codes = df["merchant_id"].astype("category").cat.codes.astype(float)
    df["card_distinct_merchants_last50"] = (
        merchant_codes.groupby(df["card_id"].to_numpy())
        .transform(lambda s: s.rolling(50, min_periods=1).apply(lambda a: len(set(a[:-1])), raw=True))
        .to_numpy()
    )

    prev_mean = df.groupby("card_id")["amount"].transform(lambda s: s.shift(1).expanding().mean())
    df["amount_to_card_mean"] = df["amount"] / prev_mean.fillna(df["amount"])
    df["secs_since_prev_card_txn"] = (
        df.groupby("card_id")["event_time"].diff().dt.total_seconds().fillna(-1)
    )
    return df


def _add_merchant_velocity(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["merchant_id", "event_time"]).copy()
    grouped = df.set_index("event_time").groupby("merchant_id", sort=False)["amount"]
    for window in MERCHANT_WINDOWS:
        df[f"merchant_txn_count_{window}"] = grouped.rolling(window, closed="left").count().fillna(0).to_numpy()
    return df


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = _add_calendar(df)
    df = _add_card_velocity(df)
    df = _add_merchant_velocity(df)
    return df.sort_values("event_time").reset_index(drop=True)
