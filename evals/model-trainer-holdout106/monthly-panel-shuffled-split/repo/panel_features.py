"""Lag and rolling features on the subscriber x month panel.

The panel has one row per (subscriber_id, month). Everything here only looks backwards
within a subscriber, so the row for month M only uses months <= M.
"""
import pandas as pd

USAGE_COLS = ["hours_streamed", "sessions", "titles_started", "titles_finished", "devices_active"]
CAT_COLS = ["plan", "billing_channel", "country", "signup_promo"]


def add_lag_features(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel.sort_values(["subscriber_id", "month"]).copy()
    g = panel.groupby("subscriber_id", sort=False)
    for col in USAGE_COLS:
        panel[f"{col}_lag1"] = g[col].shift(1)
        panel[f"{col}_avg3"] = g[col].transform(lambda s: s.rolling(3, min_periods=1).mean())
        panel[f"{col}_delta"] = panel[col] - panel[f"{col}_lag1"]
    panel["months_since_price_change"] = g["price_changed"].transform(
        lambda s: s.groupby(s.cumsum()).cumcount()
    )
    panel["tenure_months"] = g.cumcount() + panel["tenure_at_panel_start"]
    panel["payment_failures_6m"] = g["payment_failed"].transform(
        lambda s: s.rolling(6, min_periods=1).sum()
    )
    return panel


def feature_columns(panel: pd.DataFrame):
    drop = {"subscriber_id", "month", "churn_next_month", "price_changed", "payment_failed",
            "tenure_at_panel_start"}
    return [c for c in panel.columns if c not in drop]
