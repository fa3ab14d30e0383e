"""Cohort loading and simple cleaning for the 6-hour sepsis feature table."""
import numpy as np
import pandas as pd

VITAL_RANGES = {
    "heart_rate": (20, 250),
    "resp_rate": (4, 70),
    "temperature": (30, 43),
    "map": (20, 200),
    "spo2": (50, 100),
    "lactate": (0.1, 25),
    "wbc": (0.1, 200),
    "platelets": (1, 1500),
}


def load_cohort(path: str, id_columns, target: str):
    df = pd.read_csv(path)
    # cohort file is sorted by admission time; keep each patient's first admission
    df = df.drop_duplicates("patient_id", keep="first")
    for col, (lo, hi) in VITAL_RANGES.items():
        for stat in ("min", "max", "mean"):
            name = f"{col}_{stat}"
            if name in df:
                df[name] = df[name].where(df[name].between(lo, hi))
    df["shock_index"] = df["heart_rate_max"] / df["sbp_min"].replace(0, np.nan)
    df = df.fillna(-999)
    X = df.drop(columns=list(id_columns) + [target])
    y = df[target].astype(int)
    return X, y
