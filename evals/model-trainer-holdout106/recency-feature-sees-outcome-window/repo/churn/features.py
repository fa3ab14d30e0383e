"""Snapshot features built from the CRM event log and the customer master."""
import pandas as pd

EVENT_TYPES = [
    "login",
    "report_export",
    "seat_added",
    "seat_removed",
    "support_ticket",
    "invoice_paid",
]
STATIC_COLUMNS = ["industry", "company_size_band", "acquisition_channel"]


def _window(events: pd.DataFrame, snapshot: pd.Timestamp, lookback_days: int) -> pd.DataFrame:
    start = snapshot - pd.Timedelta(days=lookback_days)
    mask = (events["event_ts"] >= start) & (events["event_ts"] < snapshot)
    return events.loc[mask]


def activity_counts(events, snapshot, lookback_days):
    recent = _window(events, snapshot, lookback_days)
    counts = (
        recent.pivot_table(index="customer_id", columns="event_type", values="event_id",
                           aggfunc="count", fill_value=0)
        .reindex(columns=EVENT_TYPES, fill_value=0)
        .add_prefix("n_")
    )
    half = _window(events, snapshot, lookback_days // 2)
    recent_logins = (
        half[half["event_type"] == "login"].groupby("customer_id").size()
        .reindex(counts.index, fill_value=0)
    )
    counts["login_trend"] = (2 * recent_logins + 1) / (counts["n_login"] + 1)
    counts["seat_net_change"] = counts["n_seat_added"] - counts["n_seat_removed"]
    return counts


def recency_features(events, snapshot):
    last_seen = events.groupby("customer_id")["event_ts"].max()
    first_seen = events.groupby("customer_id")["event_ts"].min()
    return pd.DataFrame({
        "days_since_last_event": (snapshot - last_seen).dt.days,
        "account_age_days": (snapshot - first_seen).dt.days,
    })


def snapshot_features(events, customers, snapshot, lookback_days):
    feats = activity_counts(events, snapshot, lookback_days)
    feats = feats.join(recency_features(events, snapshot), how="outer")
    static = customers.set_index("customer_id")[STATIC_COLUMNS]
    feats = feats.join(static, how="left")
    count_cols = [c for c in feats.columns if c.startswith("n_")]
    feats[count_cols] = feats[count_cols].fillna(0)
    return feats
