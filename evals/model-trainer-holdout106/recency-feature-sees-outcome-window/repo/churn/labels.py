"""Churn labels: did an active subscription end inside the outcome window?"""
import pandas as pd


def active_at(subs: pd.DataFrame, snapshot: pd.Timestamp) -> pd.DataFrame:
    started = subs["start_date"] < snapshot
    not_ended = subs["end_date"].isna() | (subs["end_date"] >= snapshot)
    return subs.loc[started & not_ended]


def churn_labels(subs: pd.DataFrame, snapshot: pd.Timestamp, outcome_days: int) -> pd.DataFrame:
    active = active_at(subs, snapshot)
    horizon = snapshot + pd.Timedelta(days=outcome_days)
    ended = active["end_date"].notna() & (active["end_date"] < horizon)
    out = pd.DataFrame({
        "customer_id": active["customer_id"].values,
        "snapshot_date": snapshot,
        "churned": ended.astype(int).values,
    })
    # a customer with several seats/subscriptions churns if any of them ends
    return out.groupby(["customer_id", "snapshot_date"], as_index=False)["churned"].max()
