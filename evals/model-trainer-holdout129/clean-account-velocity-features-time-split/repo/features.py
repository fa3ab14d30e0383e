"""Per-account velocity features (trailing 1D/7D/30D windows)."""
import numpy as np
import pandas as pd

CHANNELS = ["CASH_DEP", "CASH_WDL", "WIRE_IN", "WIRE_OUT", "ACH_IN", "ACH_OUT", "CARD"]


def add_velocity_features(df: pd.DataFrame, windows) -> pd.DataFrame:
    df = df.sort_values(["account_id", "txn_ts"]).reset_index(drop=True)
    g = df.set_index("txn_ts").groupby("account_id")["amount"]
    for w in windows:
        roll = g.rolling(w, closed="left")
        df[f"n_txn_prev_{w}"] = roll.count().fillna(0).values
        df[f"amt_prev_{w}"] = roll.sum().fillna(0).values
    # amount relative to the account's own history up to (not including) this txn
    prior_mean = df.groupby("account_id")["amount"].transform(lambda s: s.shift().expanding().mean())
    df["amt_vs_prior_mean"] = df["amount"] / (prior_mean + 1.0)
    df["secs_since_prev"] = df.groupby("account_id")["txn_ts"].diff().dt.total_seconds().fillna(-1)
    return df


def add_static_features(df: pd.DataFrame) -> pd.DataFrame:
    df["log_amount"] = np.log1p(df["amount"])
    df["is_round_100"] = (df["amount"] % 100 == 0).astype(int)
    df["near_10k"] = df["amount"].between(8000, 9999.99).astype(int)
    df["hour"] = df["txn_ts"].dt.hour
    for ch in CHANNELS:
        df[f"ch_{ch}"] = (df["channel"] == ch).astype(int)
    return df


def feature_columns(windows):
    velocity = [f"{p}_{w}" for w in windows for p in ("n_txn_prev", "amt_prev")]
    static = ["log_amount", "is_round_100", "near_10k", "hour"] + [f"ch_{ch}" for ch in CHANNELS]
    return velocity + ["amt_vs_prior_mean", "secs_since_prev"] + static
