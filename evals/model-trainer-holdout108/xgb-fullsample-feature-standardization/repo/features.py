"""Feature construction for the daily US equities forward-return model."""
import numpy as np
import pandas as pd


def load_panel(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(["ticker", "date"]).reset_index(drop=True)
    # drop names that trade below $5 to keep the universe investable
    df = df[df["close"] >= 5.0]
    return df


def add_returns(df: pd.DataFrame, horizons) -> pd.DataFrame:
    g = df.groupby("ticker")["close"]
    for h in horizons:
        df[f"ret_{h}d"] = g.pct_change(h)
    return df


def add_volume_features(df: pd.DataFrame, window: int) -> pd.DataFrame:
    g = df.groupby("ticker")
    df["dollar_vol"] = df["close"] * df["volume"]
    df["log_dvol"] = np.log1p(df["dollar_vol"])
    df["vol_ratio"] = df["volume"] / g["volume"].transform(lambda s: s.rolling(window).mean())
    df["realized_vol"] = g["ret_1d"].transform(lambda s: s.rolling(window).std())
    df["hl_range"] = (df["high"] - df["low"]) / df["close"]
    return df


def add_label(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    future_close = df.groupby("ticker")["close"].shift(-horizon)
    df["fwd_ret"] = future_close / df["close"] - 1.0
    return df


def standardize_by_ticker(df: pd.DataFrame, cols):
    # put every stock's features on a comparable scale
    g = df.groupby("ticker")[cols]
    mu = g.transform("mean")
    sd = g.transform("std").replace(0.0, np.nan)
    df[cols] = ((df[cols] - mu) / sd).fillna(0.0)
    stats = g.agg(["mean", "std"])
    return df, stats


def build_features(df: pd.DataFrame, cfg: dict):
    df = add_returns(df, cfg["return_horizons"])
    df = add_volume_features(df, cfg["volume_window"])
    df = add_label(df, cfg["label_horizon"])
    feature_cols = [f"ret_{h}d" for h in cfg["return_horizons"]] + [
        "log_dvol",
        "vol_ratio",
        "realized_vol",
        "hl_range",
    ]
    df = df.dropna(subset=feature_cols + ["fwd_ret"]).copy()
    df[feature_cols] = df[feature_cols].clip(-10, 10)
    df, stats = standardize_by_ticker(df, feature_cols)
    return df, feature_cols, stats
