"""Feature engineering for the issuer fraud model."""
import numpy as np
import pandas as pd


def add_basic_features(df: pd.DataFrame) -> pd.DataFrame:
    df["log_amount"] = np.log1p(df["amount"])
    df["hour"] = df["event_time"].dt.hour
    df["is_weekend"] = (df["event_time"].dt.dayofweek >= 5).astype(int)
    df["card_age_days"] = (df["event_time"] - df["card_open_date"]).dt.days
    df["amount_vs_credit_limit"] = df["amount"] / df["credit_limit"].clip(lower=1)
    df["is_ecommerce"] = (df["pos_entry_mode"] == "ECOM").astype(int)
    df["is_card_present"] = df["pos_entry_mode"].isin(["CHIP", "CONTACTLESS", "SWIPE"]).astype(int)
    return df


def add_entity_risk(df: pd.DataFrame, entities, target: str = "is_fraud", smoothing: float = 50.0) -> pd.DataFrame:
    """Smoothed historical fraud rate per merchant / MCC / IP country."""
    prior = df[target].mean()
    for col in entities:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        df[f"{col}_risk"] = df[col].map(rate).fillna(prior).astype(float)
    return df


def feature_columns(cfg: dict) -> list:
    return list(cfg["features"]["numeric"]) + [f"{c}_risk" for c in cfg["features"]["risk_entities"]]
