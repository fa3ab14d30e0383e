"""Per-cell lag / rolling features for capacity-fade forecasting."""
import pandas as pd

BASE_SIGNALS = ["discharge_capacity_Ah", "internal_resistance_mOhm", "charge_time_min", "max_temp_C"]


def add_history_features(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["cell_id", "cycle"]).copy()
    g = df.groupby("cell_id", group_keys=False)
    for col in BASE_SIGNALS:
        for lag in lags:
            df[f"{col}_lag{lag}"] = g[col].shift(lag)
        for w in windows:
            df[f"{col}_roll{w}"] = g[col].transform(lambda s, w=w: s.rolling(w, min_periods=w).mean())
    df["fade_rate_10"] = df["discharge_capacity_Ah"] - df["discharge_capacity_Ah_lag10"]
    return df


def add_target(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    df = df.copy()
    df[f"capacity_t+{horizon}"] = df.groupby("cell_id")["discharge_capacity_Ah"].shift(-horizon)
    return df


def feature_names(df: pd.DataFrame, horizon: int):
    excluded = {"cell_id", "timestamp", f"capacity_t+{horizon}"}
    return [c for c in df.columns if c not in excluded]
