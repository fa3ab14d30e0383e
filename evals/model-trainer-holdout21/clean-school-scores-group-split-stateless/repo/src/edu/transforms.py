"""Row-wise (stateless) feature transforms: no statistic is learned from the data here."""
import numpy as np
import pandas as pd

ABSENCE_CAP = 60


def row_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["log_family_income"] = np.log1p(out["family_income"].clip(lower=0))
    out["absences_capped"] = out["absences"].clip(upper=ABSENCE_CAP)
    out["study_per_week"] = out["study_minutes_daily"] * 7 / 60.0
    out["prior_gpa_gap"] = out["gpa_last_year"] - out["gpa_two_years_ago"]
    out["has_tutor"] = (out["tutor_hours_month"] > 0).astype(int)
    # cohort size of the student's school; schools never straddle the group split below
    out["school_cohort_size"] = out.groupby("school_id")["student_id"].transform("size")
    return out


FEATURES = ["log_family_income", "absences_capped", "study_per_week", "prior_gpa_gap", "has_tutor",
            "school_cohort_size", "gpa_last_year", "parent_education", "commute_minutes", "sleep_hours", "age"]
