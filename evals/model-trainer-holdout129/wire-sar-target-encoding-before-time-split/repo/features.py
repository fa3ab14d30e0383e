"""Feature engineering for the outbound wire SAR model."""
import numpy as np
import pandas as pd

HIGH_RISK_JURISDICTIONS = {"IR", "KP", "MM", "SY", "YE", "AF", "VE"}


def add_amount_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_amount"] = np.log1p(df["amount_usd"])
    df["is_round_amount"] = (df["amount_usd"] % 1000 == 0).astype(int)
    # wires just under the 10k reporting line
    df["just_below_ctr"] = df["amount_usd"].between(9000, 9999.99).astype(int)
    return df


def add_geo_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["cp_high_risk"] = df["counterparty_country"].isin(HIGH_RISK_JURISDICTIONS).astype(int)
    df["cross_border"] = (df["counterparty_country"] != df["originator_country"]).astype(int)
    return df


def encode_categories(df: pd.DataFrame, cols, target: str, smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed mean encoding for the high-cardinality categoricals (BIC has ~9k levels)."""
    df = df.copy()
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["mean", "count"])
        enc = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        df[f"{col}_te"] = df[col].map(enc).fillna(prior)
    return df
