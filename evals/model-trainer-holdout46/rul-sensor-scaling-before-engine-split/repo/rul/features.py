"""Feature engineering helpers for C-MAPSS style run-to-failure data."""
from typing import List, Tuple

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

INDEX_COLS = ["unit", "cycle"]
SETTING_COLS = ["op_setting_1", "op_setting_2", "op_setting_3"]
SENSOR_COLS = [f"s{i}" for i in range(1, 22)]


def load_cmapss(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, sep=r"\s+", header=None)
    df = df.iloc[:, : len(INDEX_COLS + SETTING_COLS + SENSOR_COLS)]
    df.columns = INDEX_COLS + SETTING_COLS + SENSOR_COLS
    return df.sort_values(INDEX_COLS).reset_index(drop=True)


def add_rul_target(df: pd.DataFrame, cap: int) -> pd.DataFrame:
    max_cycle = df.groupby("unit")["cycle"].transform("max")
    df = df.copy()
    df["rul"] = (max_cycle - df["cycle"]).clip(upper=cap)
    return df


def scale_sensors(df: pd.DataFrame, cols: List[str]) -> Tuple[pd.DataFrame, StandardScaler]:
    scaler = StandardScaler()
    out = df.copy()
    out[cols] = scaler.fit_transform(df[cols])
    return out, scaler


def add_rolling_features(df: pd.DataFrame, cols: List[str], window: int) -> pd.DataFrame:
    grouped = df.groupby("unit")[cols]
    means = grouped.rolling(window, min_periods=1).mean().reset_index(level=0, drop=True)
    stds = grouped.rolling(window, min_periods=2).std().reset_index(level=0, drop=True)
    out = df.copy()
    for c in cols:
        out[f"{c}_rm{window}"] = means[c]
        out[f"{c}_rs{window}"] = stds[c].fillna(0.0)
        out[f"{c}_slope"] = out.groupby("unit")[c].diff().fillna(0.0)
    return out


def nasa_score(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    d = y_pred - y_true
    return float(np.sum(np.where(d < 0, np.exp(-d / 13.0) - 1, np.exp(d / 10.0) - 1)))
