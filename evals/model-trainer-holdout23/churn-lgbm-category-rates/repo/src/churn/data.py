"""Loading and per-account aggregation of product usage events."""
from pathlib import Path

import pandas as pd


def load_events(path: str | Path) -> pd.DataFrame:
    ev = pd.read_parquet(path, columns=["account_id", "session_id", "ts", "duration_s"])
    ev["ts"] = pd.to_datetime(ev["ts"], utc=True)
    return ev


def sessionize(events: pd.DataFrame) -> pd.DataFrame:
    """One row per account: number of sessions and active minutes."""
    per_account = events.groupby("account_id").agg(
        n_sessions=("session_id", "nunique"),
        minutes_active=("duration_s", lambda s: s.sum() / 60.0),
    )
    return per_account.reset_index()
