import numpy as np
import pandas as pd


def add_customer_history(df):
    """Per-customer features using only tickets opened before the current one."""
    df = df.sort_values(["created_at", "ticket_id"]).reset_index(drop=True)
    g = df.groupby("customer_id", sort=False)

    df["prior_tickets"] = g.cumcount()
    df["prior_escalations"] = g["escalated"].transform(lambda s: s.shift(1).fillna(0).cumsum())
    df["prior_escalation_rate"] = np.where(
        df["prior_tickets"] > 0, df["prior_escalations"] / df["prior_tickets"].clip(lower=1), np.nan
    )
    df["hours_since_last_ticket"] = (
        g["created_at"].diff().dt.total_seconds().div(3600).fillna(24 * 365)
    )

    rolling = (
        df.set_index("created_at")
        .groupby("customer_id")["ticket_id"]
        .rolling("30D", closed="left")
        .count()
        .reset_index(level=0, drop=True)
    )
    df["tickets_last_30d"] = rolling.fillna(0).values
    return df


def add_calendar(df):
    df["hour"] = df["created_at"].dt.hour
    df["weekday"] = df["created_at"].dt.weekday
    df["is_weekend"] = (df["weekday"] >= 5).astype(int)
    return df


TABULAR_COLS = [
    "prior_tickets", "prior_escalations", "prior_escalation_rate", "hours_since_last_ticket",
    "tickets_last_30d", "hour", "weekday", "is_weekend", "plan_tier",
]
