"""Cohort loading and feature preparation for the DeepSurv experiments."""
from typing import Optional

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

NUMERIC_COLS = ["age", "bmi", "sbp", "creatinine", "hemoglobin", "albumin", "ntprobnp", "lvef"]
BINARY_COLS = ["male", "smoker", "diabetes", "prior_mi", "atrial_fib"]


def load_cohort(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["index_date"])
    df = df.dropna(subset=["time_days", "event"])
    df = df[df["time_days"] > 0].reset_index(drop=True)
    df["event"] = df["event"].astype(int)
    df["ntprobnp"] = np.log1p(df["ntprobnp"])
    return df


def build_features(df: pd.DataFrame, scaler: Optional[StandardScaler] = None):
    num = df[NUMERIC_COLS].copy()
    num = num.fillna(num.median())
    if scaler is None:
        scaler = StandardScaler().fit(num.values)
    x_num = scaler.transform(num.values)
    x_bin = df[BINARY_COLS].fillna(0).to_numpy()
    x = np.hstack([x_num, x_bin]).astype("float32")
    return x, scaler


def targets(df: pd.DataFrame):
    return df["time_days"].to_numpy("float32"), df["event"].to_numpy("float32")
