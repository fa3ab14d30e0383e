"""Row-wise / per-stay transforms for the hourly deterioration model. Nothing here is fitted."""
import numpy as np
import pandas as pd

VITALS = ["heart_rate", "resp_rate", "sbp", "spo2", "temp_c", "gcs_total"]
LABS = ["lactate", "creatinine", "wbc", "platelets", "bilirubin", "ph"]

PHYSIOLOGIC_RANGE = {
    "heart_rate": (20, 250), "resp_rate": (3, 70), "sbp": (40, 260), "spo2": (50, 100),
    "temp_c": (30, 43), "gcs_total": (3, 15), "lactate": (0.2, 30), "creatinine": (0.1, 20),
    "wbc": (0.1, 200), "platelets": (1, 1500), "bilirubin": (0.1, 50), "ph": (6.7, 7.8),
}
LOG_COLS = ["lactate", "creatinine", "wbc", "bilirubin"]


def clip_implausible(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for col, (lo, hi) in PHYSIOLOGIC_RANGE.items():
        df.loc[(df[col] < lo) | (df[col] > hi), col] = np.nan
    return df


def carry_forward(df: pd.DataFrame) -> pd.DataFrame:
    """Last observation carried forward within a stay, plus hours since the value was measured."""
    df = df.sort_values(["stay_id", "hour"]).copy()
    g = df.groupby("stay_id", sort=False)
    for col in VITALS + LABS:
        measured_at = df["hour"].where(df[col].notna())
        df[f"{col}_hrs_since"] = df["hour"] - measured_at.groupby(df["stay_id"]).ffill()
        df[col] = g[col].ffill()
    return df


def add_trends(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("stay_id", sort=False)
    for col in VITALS:
        df[f"{col}_delta4"] = df[col] - g[col].shift(4)
        df[f"{col}_max12"] = g[col].transform(lambda s: s.rolling(12, min_periods=1).max())
    for col in LOG_COLS:
        df[col] = np.log1p(df[col])
    return df


def add_label(df: pd.DataFrame, horizon: int = 12) -> pd.DataFrame:
    """1 if the composite event (vasopressor start, intubation, death) happens in (t, t+horizon]."""
    hours_to_event = df["event_hour"] - df["hour"]
    df["label"] = ((hours_to_event > 0) & (hours_to_event <= horizon)).astype(int)
    return df[df["event_hour"].isna() | (df["hour"] < df["event_hour"])]
