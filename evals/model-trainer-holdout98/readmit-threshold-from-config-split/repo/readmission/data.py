import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold

NUMERIC = [
    "age", "los_days", "n_prior_admits_12m", "n_ed_visits_6m", "charlson_index",
    "n_active_meds", "n_diagnoses", "hemoglobin_last", "sodium_last",
    "creatinine_last", "albumin_last", "bmi",
]
CATEGORICAL = ["sex", "payer", "admit_source", "discharge_service", "discharge_to"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["discharge_to"] != "expired"].reset_index(drop=True)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def grouped_holdout(df, label, group, frac, seed):
    """Stratified, patient-disjoint holdout of roughly `frac` of encounters."""
    n_splits = int(round(1 / frac))
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    keep_idx, hold_idx = next(sgkf.split(df, df[label], df[group]))
    return df.iloc[keep_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)
