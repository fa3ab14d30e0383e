"""Fraud labels from scheme chargebacks, with a maturity window for late disputes."""
import pandas as pd


def mature_transactions(txns: pd.DataFrame, snapshot_date: str, maturity_days: int) -> pd.DataFrame:
    """Keep only transactions old enough for their chargebacks to have arrived."""
    cutoff = pd.Timestamp(snapshot_date, tz="UTC") - pd.Timedelta(days=maturity_days)
    return txns[txns["event_time"] < cutoff].copy()


def attach_labels(txns: pd.DataFrame, chargebacks: pd.DataFrame, reason_codes, snapshot_date: str) -> pd.DataFrame:
    reported = chargebacks[chargebacks["reported_at"] <= pd.Timestamp(snapshot_date, tz="UTC")]
    fraud_cb = reported[reported["reason_code"].astype(str).isin(reason_codes)]
    fraud_ids = set(fraud_cb["transaction_id"])
    txns["is_fraud"] = txns["transaction_id"].isin(fraud_ids).astype(int)
    return txns
