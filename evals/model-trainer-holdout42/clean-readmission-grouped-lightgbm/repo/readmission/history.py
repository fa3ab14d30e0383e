"""Per-patient utilisation features. Each row only looks at the same patient's earlier encounters."""
import numpy as np
import pandas as pd


def prior_encounter_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["patient_id", "admit_time"]).reset_index(drop=True)
    grp = df.groupby("patient_id", sort=False)
    df["n_prior_encounters"] = grp.cumcount()
    df["days_since_last_discharge"] = (
        (df["admit_time"] - grp["discharge_time"].shift(1)).dt.total_seconds() / 86400.0
    )
    ed = df.set_index("admit_time").groupby("patient_id", sort=False)["is_ed_visit"]
    counts = ed.rolling("180D", closed="left").sum().reset_index(level=0, drop=True)
    df["n_prior_ed_visits_180d"] = counts.fillna(0).to_numpy()
    return df


def encounter_features(df: pd.DataFrame, categories: dict) -> pd.DataFrame:
    df = df.copy()
    df["los_days"] = (df["discharge_time"] - df["admit_time"]).dt.total_seconds() / 86400.0
    for col, levels in categories.items():
        df[col] = pd.Categorical(df[col].where(df[col].isin(levels), "other"), categories=levels)
    for lab in ["hemoglobin", "sodium", "creatinine", "albumin", "bun"]:
        df[lab] = df[lab].where(df[lab] > 0, np.nan)
    return df
