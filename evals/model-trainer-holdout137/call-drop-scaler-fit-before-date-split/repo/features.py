"""Feature building for the hourly E-RAB drop spike model (per cell)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek
    df["hour_sin"] = np.sin(2 * np.pi * df["hour"] / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["hour"] / 24)
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_kpi_features(df: pd.DataFrame) -> pd.DataFrame:
    df["ho_failure_rate"] = df["ho_failures"] / df["ho_attempts"].clip(lower=1)
    g = df.groupby("cell_id")["erab_drop_rate"]
    df["erab_drop_rate_lag1"] = g.shift(1)
    df["erab_drop_rate_lag24"] = g.shift(24)
    return df


def add_label(df: pd.DataFrame, threshold: float) -> pd.DataFrame:
    nxt = df.groupby("cell_id")["erab_drop_rate"].shift(-1)
    df["drop_spike_next_hour"] = np.where(nxt.isna(), np.nan, (nxt > threshold).astype(float))
    return df


def build_features(df: pd.DataFrame, cfg: dict):
    fcfg = cfg["features"]
    num_cols = fcfg["numeric"]

    df = df.sort_values(["cell_id", "timestamp"]).reset_index(drop=True)
    df = add_calendar(df)
    df = add_kpi_features(df)
    df = add_label(df, fcfg["drop_spike_threshold"])
    df = df.dropna(subset=num_cols + [fcfg["label"]]).reset_index(drop=True)
    df[fcfg["label"]] = df[fcfg["label"]].astype(int)

    # KPIs live on very different scales (dBm vs ratios vs user counts)
    scaler = StandardScaler()
    df[num_cols] = scaler.fit_transform(df[num_cols])
    return df, scaler
