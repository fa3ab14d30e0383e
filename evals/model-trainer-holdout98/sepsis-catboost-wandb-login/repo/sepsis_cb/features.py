import numpy as np
import pandas as pd

CAT_FEATURES = ["sex", "admission_source", "icu_unit", "surgical"]
NUM_FEATURES = [
    "age", "hr_max", "hr_min", "resp_max", "temp_max", "temp_min", "sbp_min", "map_min",
    "spo2_min", "gcs_min", "wbc_max", "lactate_max", "creatinine_max", "platelets_min",
    "bilirubin_max", "n_cultures_ordered", "hours_observed",
]


def qsofa(df: pd.DataFrame) -> np.ndarray:
    """quick SOFA from first-6h worst values (0-3)."""
    return (
        (df["resp_max"] >= 22).astype(int)
        + (df["sbp_min"] <= 100).astype(int)
        + (df["gcs_min"] < 15).astype(int)
    ).to_numpy()


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df["sepsis_onset_hour"].isna() | (df["sepsis_onset_hour"] > 6)].copy()
    df["label"] = df["sepsis_onset_hour"].notna().astype(int)
    for col in CAT_FEATURES:
        df[col] = df[col].fillna("unknown").astype(str)
    return df.reset_index(drop=True)
