"""Lag and rolling-window features for capacity forecasting."""
import pandas as pd

SIGNALS = ["discharge_capacity_Ah", "internal_resistance_mOhm", "cc_charge_time_min", "avg_temp_C"]


def add_history_features(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["cell_id", "cycle"]).copy()
    by_cell = df.groupby("cell_id", group_keys=False)
    for col in SIGNALS:
        for lag in lags:
            df[f"{col}_lag{lag}"] = by_cell[col].shift(lag)
        for w in windows:
            df[f"{col}_mean{w}"] = by_cell[col].transform(lambda s, w=w: s.rolling(w, min_periods=w).mean())
    df["fade_per_cycle_50"] = (df["discharge_capacity_Ah_lag50"] - df["discharge_capacity_Ah"]) / 50.0
    return df


def add_target(df: pd.DataFrame, horizon: int):
    df = df.copy()
    by_cell = df.groupby("cell_id")
    df["target"] = by_cell["discharge_capacity_Ah"].shift(-horizon)
    df["target_time"] = by_cell["timestamp"].shift(-horizon)
    return df


def feature_columns(df: pd.DataFrame):
    return [c for c in df.columns if c not in {"cell_id", "timestamp", "target", "target_time"}]
