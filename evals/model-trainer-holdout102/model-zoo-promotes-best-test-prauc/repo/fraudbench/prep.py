"""Feature preparation shared by the model comparison jobs."""
import numpy as np
import pandas as pd

FEATURES = [
    "amount", "log_amount", "hour", "is_weekend", "is_cnp", "is_contactless",
    "card_txn_count_1h", "card_txn_count_24h", "card_amount_sum_24h", "card_distinct_mcc_7d",
    "merchant_txn_count_1h", "merchant_fraud_alerts_prev_30d", "days_since_last_txn",
    "amount_zscore_card_90d", "terminal_risk_band",
]


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["event_time"] = pd.to_datetime(df["event_time"])
    df["log_amount"] = np.log1p(df["amount"])
    df["hour"] = df["event_time"].dt.hour
    df["is_weekend"] = (df["event_time"].dt.dayofweek >= 5).astype(int)
    return df.sort_values("event_time").reset_index(drop=True)


def time_split(df: pd.DataFrame, test_start: str):
    cut = pd.Timestamp(test_start)
    return df[df.event_time < cut], df[df.event_time >= cut]
