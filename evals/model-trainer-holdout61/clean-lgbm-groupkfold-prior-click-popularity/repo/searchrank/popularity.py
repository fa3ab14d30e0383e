"""Document popularity from the raw click log (independent of the judgment labels)."""
import numpy as np
import pandas as pd


def click_popularity(click_log: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    window = click_log[(click_log["event_ts"] >= start) & (click_log["event_ts"] < end)]
    stats = window.groupby("doc_id").agg(
        pop_impressions=("clicked", "size"),
        pop_clicks=("clicked", "sum"),
        pop_last_seen=("event_ts", "max"),
    )
    stats["pop_ctr"] = (stats["pop_clicks"] + 1) / (stats["pop_impressions"] + 20)
    stats["pop_days_since_seen"] = (pd.Timestamp(end) - stats["pop_last_seen"]).dt.days
    stats["pop_impressions_log"] = np.log1p(stats["pop_impressions"])
    return stats[["pop_ctr", "pop_impressions_log", "pop_days_since_seen"]].reset_index()


POP_FEATURES = ["pop_ctr", "pop_impressions_log", "pop_days_since_seen"]
