"""Feature engineering for card authorisation fraud."""
import numpy as np
import pandas as pd


def add_time_features(df):
    ts = df["auth_ts"]
    df["hour"] = ts.dt.hour
    df["dow"] = ts.dt.dayofweek
    df["is_night"] = df["hour"].between(0, 5).astype(int)
    return df


def add_velocity_features(df):
    df = df.sort_values(["card_id", "auth_ts"])
    g = df.groupby("card_id")
    df["secs_since_prev_auth"] = g["auth_ts"].diff().dt.total_seconds().fillna(1e7)
    df["card_txn_index"] = g.cumcount()
    df["amount_to_card_median"] = df["amount"] / g["amount"].transform(
        lambda s: s.expanding().median().shift(1)
    ).fillna(df["amount"])
    return df.sort_index()


def add_merchant_risk(df, label="is_fraud", prior_weight=50):
    global_rate = df[label].mean()
    stats = df.groupby("merchant_id")[label].agg(["sum", "count"])
    smoothed = (stats["sum"] + prior_weight * global_rate) / (stats["count"] + prior_weight)
    df["merchant_fraud_rate"] = df["merchant_id"].map(smoothed).fillna(global_rate)
    df["merchant_log_volume"] = np.log1p(df["merchant_id"].map(stats["count"]).fillna(0))
    return df


def build_features(df, label="is_fraud"):
    df = add_time_features(df)
    df = add_velocity_features(df)
    df = add_merchant_risk(df, label=label)
    df["log_amount"] = np.log1p(df["amount"].clip(lower=0))
    return df


FEATURES = [
    "log_amount", "hour", "dow", "is_night", "secs_since_prev_auth", "card_txn_index",
    "amount_to_card_median", "merchant_fraud_rate", "merchant_log_volume", "mcc",
    "pos_entry_mode", "is_card_present", "is_cross_border",
]
CATEGORICAL = ["mcc", "pos_entry_mode"]
