"""Machine-day telemetry. Roughly 1.7% of machine-days are followed by a failure within 48h."""
import logging

import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

log = logging.getLogger(__name__)
TARGET = "fails_within_48h"
SENSORS = ["volt", "rotate", "pressure", "vibration"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    for s in SENSORS:
        df[f"{s}_mean_24h"] = df[f"{s}_sum_24h"] / df["n_readings_24h"].clip(lower=1)
    df["age_years"] = df["age_days"] / 365.25
    log.info("%d machine-days, %d machines, positive rate %.4f",
             len(df), df["machine_id"].nunique(), df[TARGET].mean())
    return df


def grouped_split(df: pd.DataFrame, test_size: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    idx_a, idx_b = next(gss.split(df, groups=df["machine_id"]))
    return df.iloc[idx_a], df.iloc[idx_b]


def xy(df: pd.DataFrame):
    feats = [c for c in df.columns if c not in {TARGET, "machine_id", "date", "model_type"}]
    return df[feats], df[TARGET]
