"""Card / merchant history features for the issuer fraud model."""
import numpy as np
import pandas as pd

NUMERIC = [
    "log_amount",
    "hour",
    "is_ecom",
    "is_foreign",
    "card_txn_count_7d",
    "card_amount_mean_30d",
    "merchant_txn_count_7d",
    "card_chargeback_count",
    "card_has_chargeback",
    "days_since_card_open",
]


def add_basic(txns: pd.DataFrame) -> pd.DataFrame:
    txns["log_amount"] = np.log1p(txns["amount"])
    txns["hour"] = txns["event_time"].dt.hour
    txns["is_ecom"] = (txns["channel"] == "ecom").astype(int)
    txns["is_foreign"] = (txns["merchant_country"] != txns["card_country"]).astype(int)
    txns["days_since_card_open"] = (txns["event_time"] - txns["card_open_date"]).dt.days
    return txns


def add_rolling(txns: pd.DataFrame) -> pd.DataFrame:
    txns = txns.sort_values(["card_id", "event_time"])
    by_card = txns.set_index("event_time").groupby("card_id", sort=False)["amount"]
    txns["card_txn_count_7d"] = by_card.rolling("7d", closed="left").count().fillna(0).to_numpy()
    txns["card_amount_mean_30d"] = by_card.rolling("30d", closed="left").mean().fillna(0).to_numpy()
    txns = txns.sort_values(["merchant_id", "event_time"])
    by_merchant = txns.set_index("event_time").groupby("merchant_id", sort=False)["amount"]
    txns["merchant_txn_count_7d"] = by_merchant.rolling("7d", closed="left").count().fillna(0).to_numpy()
    return txns.sort_values("event_time")


def add_chargeback_history(txns: pd.DataFrame, chargebacks: pd.DataFrame) -> pd.DataFrame:
    """Cards with a dispute history are much riskier."""
    cb_per_card = chargebacks.groupby("card_id").size().rename("card_chargeback_count")
    txns = txns.merge(cb_per_card, left_on="card_id", right_index=True, how="left")
    txns["card_chargeback_count"] = txns["card_chargeback_count"].fillna(0)
    txns["card_has_chargeback"] = (txns["card_chargeback_count"] > 0).astype(int)
    return txns
