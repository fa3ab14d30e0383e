"""Feature engineering for the 12-month CLV model.

The snapshot table is built as of ``snapshot_date``: every behavioural column
uses orders/sessions strictly before the cutoff, and ``ltv_next_12m`` is the
net revenue a customer generated in the 12 months after it.
"""
import numpy as np
import pandas as pd

PLAN_TIER = {"starter": 0, "plus": 1, "pro": 2, "business": 3}

FEATURES = [
    "recency_days",
    "tenure_days",
    "frequency",
    "avg_order_value",
    "orders_per_month",
    "log_gross_revenue",
    "support_tickets_per_order",
    "discount_share",
    "has_app",
    "plan_tier_code",
    "is_annual",
    "channel_ltv_mean",
    "channel_ltv_median",
]


def add_rfm(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["recency_days"] = (out["snapshot_date"] - out["last_order_date"]).dt.days
    out["tenure_days"] = (out["snapshot_date"] - out["first_order_date"]).dt.days
    out["frequency"] = out["n_orders"] - 1
    out["avg_order_value"] = out["gross_revenue"] / out["n_orders"].clip(lower=1)
    months_active = (out["tenure_days"] / 30.4).clip(lower=1)
    out["orders_per_month"] = out["n_orders"] / months_active
    out["log_gross_revenue"] = np.log1p(out["gross_revenue"])
    return out


def add_engagement(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    n = out["n_orders"].clip(lower=1)
    out["support_tickets_per_order"] = out["support_tickets"] / n
    out["discount_share"] = out["discounted_orders"] / n
    out["has_app"] = (out["app_sessions_90d"] > 0).astype(int)
    out["plan_tier_code"] = out["plan_tier"].map(PLAN_TIER).fillna(-1).astype(int)
    out["is_annual"] = (out["billing_cycle"] == "annual").astype(int)
    return out


def add_channel_value(df: pd.DataFrame, target: str) -> pd.DataFrame:
    # paid social vs. organic vs. partner customers are worth very different amounts
    channel_stats = df.groupby("acquisition_channel")[target].agg(["mean", "median"])
    channel_stats.columns = ["channel_ltv_mean", "channel_ltv_median"]
    return df.merge(channel_stats, left_on="acquisition_channel", right_index=True, how="left")


def build_features(df: pd.DataFrame, target: str) -> pd.DataFrame:
    df = add_rfm(df)
    df = add_engagement(df)
    df = add_channel_value(df, target)
    return df
