"""Price-derived features for the daily direction model."""
import numpy as np
import pandas as pd


def log_returns(close: pd.Series) -> pd.Series:
    return np.log(close).diff()


def build_features(px: pd.DataFrame) -> pd.DataFrame:
    """px: OHLCV for one ticker indexed by trading date (ascending)."""
    out = pd.DataFrame(index=px.index)
    r = log_returns(px["Close"])
    for k in (1, 2, 3, 5, 10, 21):
        out[f"ret_{k}d"] = r.rolling(k).sum()
    out["vol_21d"] = r.rolling(21).std()
    out["vol_63d"] = r.rolling(63).std()
    out["hl_range"] = (px["High"] - px["Low"]) / px["Close"]
    out["vol_z"] = (px["Volume"] - px["Volume"].rolling(63).mean()) / px["Volume"].rolling(63).std()
    out["dist_ma50"] = px["Close"] / px["Close"].rolling(50).mean() - 1
    out["dist_ma200"] = px["Close"] / px["Close"].rolling(200).mean() - 1
    out["dow"] = px.index.dayofweek
    return out


def forward_label(px: pd.DataFrame, horizon: int = 5) -> pd.Series:
    fwd = np.log(px["Close"]).shift(-horizon) - np.log(px["Close"])
    return (fwd > 0).astype(float).where(fwd.notna())
