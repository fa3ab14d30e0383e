"""Outcome: an active member cancels (or lets the membership lapse) within the outcome window."""
import pandas as pd


def labels_at(members: pd.DataFrame, as_of: pd.Timestamp, outcome_days: int) -> pd.DataFrame:
    active = members[(members["joined_at"] < as_of)
                     & (members["cancelled_at"].isna() | (members["cancelled_at"] >= as_of))]
    window_end = as_of + pd.Timedelta(days=outcome_days)
    churned = active["cancelled_at"].notna() & (active["cancelled_at"] < window_end)
    return pd.DataFrame({
        "member_id": active["member_id"].to_numpy(),
        "as_of": as_of,
        "churned": churned.astype(int).to_numpy(),
    })
