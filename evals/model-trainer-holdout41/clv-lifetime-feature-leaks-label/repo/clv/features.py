"""RFM-style customer features and the forward-looking spend label."""
import numpy as np
import pandas as pd


def build_labels(tx: pd.DataFrame, cutoff: pd.Timestamp, horizon_days: int) -> pd.Series:
    end = cutoff + pd.Timedelta(days=horizon_days)
    window = tx[(tx["order_ts"] > cutoff) & (tx["order_ts"] <= end)]
    return window.groupby("customer_id")["net_amount"].sum().rename("future_spend")


def build_features(tx: pd.DataFrame, customers: pd.DataFrame, cutoff: pd.Timestamp) -> pd.DataFrame:
    hist = tx[tx["order_ts"] <= cutoff]
    g = hist.groupby("customer_id")
    feats = pd.DataFrame({
        "recency_days": (cutoff - g["order_ts"].max()).dt.days,
        "tenure_days": (cutoff - g["order_ts"].min()).dt.days,
        "frequency": g["order_id"].nunique(),
        "monetary_total": g["net_amount"].sum(),
        "monetary_avg": g["net_amount"].mean(),
        "n_categories": g["category"].nunique(),
        "discount_share": g["discount_amount"].sum() / g["gross_amount"].sum().clip(lower=1e-6),
        "returns_count": g["is_return"].sum(),
    })
    for months in (3, 6, 12):
        recent = hist[hist["order_ts"] > cutoff - pd.DateOffset(months=months)]
        feats[f"spend_{months}m"] = recent.groupby("customer_id")["net_amount"].sum()
        feats[f"orders_{months}m"] = recent.groupby("customer_id")["order_id"].nunique()

    lifetime = tx.groupby("customer_id").agg(
        lifetime_orders=("order_id", "nunique"),
        lifetime_spend=("net_amount", "sum"),
    )
    feats = feats.join(lifetime, how="left")
    feats["avg_days_between_orders"] = feats["tenure_days"] / (feats["frequency"] - 1).clip(lower=1)

    feats = feats.join(customers.set_index("customer_id")[["age_band", "region", "loyalty_member", "acq_channel"]])
    for col in ["age_band", "region", "acq_channel"]:
        feats[col] = feats[col].astype("category")
    spend_cols = [c for c in feats.columns if c.startswith(("spend_", "orders_"))]
    feats[spend_cols] = feats[spend_cols].fillna(0.0)
    feats["log_monetary_total"] = np.log1p(feats["monetary_total"].clip(lower=0))
    return feats
