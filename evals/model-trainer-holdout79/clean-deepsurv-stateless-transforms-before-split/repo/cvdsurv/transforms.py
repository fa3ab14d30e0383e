"""Row-wise cleaning applied identically to every record (no statistics are estimated here)."""
import numpy as np
import pandas as pd

CLIP_LIMITS = {
    "sbp": (70, 250),
    "total_chol_mmol": (1.5, 15.0),
    "hdl_mmol": (0.3, 4.0),
    "creatinine_umol": (20, 1200),
    "bmi": (12, 70),
}
FEATURES = ["age", "male", "smoker", "diabetes", "sbp", "bp_treated", "total_chol_mmol",
            "hdl_mmol", "creatinine_umol", "bmi", "log_crp", "family_history"]


def clean_records(df: pd.DataFrame, admin_years: float) -> pd.DataFrame:
    df = df.copy()
    df["total_chol_mmol"] = df["total_chol_mgdl"] / 38.67
    df["hdl_mmol"] = df["hdl_mgdl"] / 38.67
    df["creatinine_umol"] = df["creatinine_mgdl"] * 88.42
    df["log_crp"] = np.log(df["crp_mgl"].clip(lower=0.1))
    for col, (lo, hi) in CLIP_LIMITS.items():
        df[col] = df[col].clip(lo, hi)
    df["years"] = df["followup_days"] / 365.25
    late = df["years"] > admin_years
    df.loc[late, "cvd_event"] = 0
    df.loc[late, "years"] = admin_years
    return df.dropna(subset=FEATURES + ["years", "cvd_event"])
