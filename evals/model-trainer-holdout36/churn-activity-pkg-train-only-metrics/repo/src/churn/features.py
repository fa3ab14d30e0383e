"""Customer-level features from the raw activity event log.

Everything is computed from events strictly before the snapshot date; the label
is whether the account has no event at all in the following churn window.
"""
from datetime import timedelta

import numpy as np
import pandas as pd


def activity_features(events: pd.DataFrame, snapshot: pd.Timestamp, lookback_days: int) -> pd.DataFrame:
    past = events[(events["ts"] < snapshot) & (events["ts"] >= snapshot - timedelta(days=lookback_days))]
    g = past.groupby("account_id")
    feats = pd.DataFrame({
        "n_events": g.size(),
        "n_active_days": g["ts"].apply(lambda s: s.dt.normalize().nunique()),
        "n_sessions": g["session_id"].nunique(),
        "n_features_used": g["feature"].nunique(),
        "days_since_last": (snapshot - g["ts"].max()).dt.days,
    })
    last30 = past[past["ts"] >= snapshot - timedelta(days=30)].groupby("account_id").size()
    feats["events_last_30d"] = last30.reindex(feats.index).fillna(0)
    feats["trend_30_vs_90"] = feats["events_last_30d"] / (feats["n_events"] / 3 + 1)
    feats["log_events"] = np.log1p(feats["n_events"])
    return feats


def churn_labels(events: pd.DataFrame, accounts: pd.Index, snapshot: pd.Timestamp, window_days: int) -> pd.Series:
    future = events[(events["ts"] >= snapshot) & (events["ts"] < snapshot + timedelta(days=window_days))]
    active = set(future["account_id"].unique())
    return pd.Series([int(a not in active) for a in accounts], index=accounts, name="churned")


def build_dataset(events, accounts_df, snapshot, lookback_days, window_days):
    feats = activity_features(events, snapshot, lookback_days)
    feats = feats.join(accounts_df.set_index("account_id")[["plan", "seats", "tenure_months"]], how="left")
    feats["plan"] = feats["plan"].astype("category").cat.codes
    labels = churn_labels(events, feats.index, snapshot, window_days)
    return feats, labels
