"""Feature helpers for the D90 LTV model (Idle Miner, UA bidding)."""
import numpy as np
import pandas as pd

REVENUE_COLS = ["iap_rev_d1", "iap_rev_d3", "iap_rev_d7", "ad_rev_d7"]
HIGH_CARD_COLS = ["country", "campaign_id", "device_model"]


def add_engagement_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["rev_d7_total"] = out["iap_rev_d7"] + out["ad_rev_d7"]
    out["sessions_per_day_d7"] = out["sessions_d7"] / 7.0
    out["is_payer_d7"] = (out["iap_rev_d7"] > 0).astype(int)
    out["rev_growth_d3_d7"] = np.where(
        out["iap_rev_d3"] > 0, out["iap_rev_d7"] / out["iap_rev_d3"], 0.0
    )
    out["ad_share_d7"] = out["ad_rev_d7"] / (out["rev_d7_total"] + 1e-6)
    for c in REVENUE_COLS:
        out[f"log_{c}"] = np.log1p(out[c])
    return out


def smoothed_target_mean(df: pd.DataFrame, col: str, target: str, alpha: float = 50.0) -> pd.Series:
    """Blend of category mean and global mean, weighted by category size."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["sum", "count"])
    enc = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return df[col].map(enc).fillna(prior)
