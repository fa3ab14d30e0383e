"""Point-in-time churn snapshots: features before the cut-off, label after it."""
import numpy as np
import pandas as pd


def build_snapshot(events: pd.DataFrame, customers: pd.DataFrame, cutoff: str, horizon_days: int) -> pd.DataFrame:
    cutoff = pd.Timestamp(cutoff)
    past = events[events["ts"] < cutoff]
    window = events[(events["ts"] >= cutoff) & (events["ts"] < cutoff + pd.Timedelta(days=horizon_days))]

    active = customers[(customers["signup_date"] < cutoff)
                       & (customers["closed_date"].isna() | (customers["closed_date"] >= cutoff))]
    snap = active[["customer_id", "plan", "region", "signup_date", "monthly_fee"]].copy()

    g = past.groupby("customer_id")
    recent = past[past["ts"] >= cutoff - pd.Timedelta(days=30)].groupby("customer_id")
    feats = pd.DataFrame({
        "last_event": g["ts"].max(),
        "n_events_total": g.size(),
        "n_events_30d": recent.size(),
        "n_sessions_30d": recent["session_id"].nunique(),
        "n_payments_failed": past[past["type"] == "payment_failed"].groupby("customer_id").size(),
    })
    snap = snap.merge(feats, left_on="customer_id", right_index=True, how="left")
    snap["days_since_last_event"] = (cutoff - snap["last_event"]).dt.days.fillna(9999)
    snap["tenure_days"] = (cutoff - snap["signup_date"]).dt.days
    snap[["n_events_total", "n_events_30d", "n_sessions_30d", "n_payments_failed"]] = (
        snap[["n_events_total", "n_events_30d", "n_sessions_30d", "n_payments_failed"]].fillna(0))
    snap["events_30d_share"] = snap["n_events_30d"] / np.maximum(snap["n_events_total"], 1)

    returned = set(window["customer_id"].unique())
    snap["churned"] = (~snap["customer_id"].isin(returned)).astype(int)
    snap["cutoff"] = cutoff
    return snap.drop(columns=["last_event", "signup_date"])
