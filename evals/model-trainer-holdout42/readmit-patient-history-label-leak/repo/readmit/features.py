"""Feature engineering for 30-day readmission on the encounter table."""
import numpy as np
import pandas as pd

LAB_COLS = ["hemoglobin", "sodium", "potassium", "creatinine", "bun", "glucose", "albumin", "wbc"]
COMORBIDITY_COLS = ["chf", "copd", "diabetes", "ckd", "cancer", "liver_disease"]


def add_encounter_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["admit_time"] = pd.to_datetime(out["admit_time"])
    out["discharge_time"] = pd.to_datetime(out["discharge_time"])
    out["los_days"] = (out["discharge_time"] - out["admit_time"]).dt.total_seconds() / 86400.0
    out["weekend_discharge"] = out["discharge_time"].dt.dayofweek.isin([5, 6]).astype(int)
    out["charlson_proxy"] = out[COMORBIDITY_COLS].sum(axis=1)
    out["bun_creat_ratio"] = out["bun"] / out["creatinine"].clip(lower=0.1)
    for col in LAB_COLS:
        out.loc[out[col] < 0, col] = np.nan
    return out


def add_patient_history(df: pd.DataFrame, label_col: str) -> pd.DataFrame:
    """Per-patient utilisation history, ordered by admission time."""
    out = df.sort_values(["patient_id", "admit_time"]).copy()
    grp = out.groupby("patient_id", sort=False)
    out["n_prior_encounters"] = grp.cumcount()
    prev_discharge = grp["discharge_time"].shift(1)
    out["days_since_last_discharge"] = (out["admit_time"] - prev_discharge).dt.days.fillna(-1)
    out["patient_readmit_rate"] = grp[label_col].transform("mean")
    return out.reset_index(drop=True)
