"""Shared preprocessing for the Q4 2023 employee pulse survey."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

WORKLOAD_ITEMS = ["wl_deadlines", "wl_volume", "wl_after_hours", "wl_interruptions"]
SUPPORT_ITEMS = ["sup_manager_cares", "sup_feedback", "sup_team_help", "sup_recognition"]
AUTONOMY_ITEMS = ["aut_schedule", "aut_methods", "aut_priorities"]
LIKERT_ITEMS = WORKLOAD_ITEMS + SUPPORT_ITEMS + AUTONOMY_ITEMS  # 1-5 agreement

NUMERIC = ["tenure_years", "weekly_hours", "pto_days_taken_ytd", "manager_changes_12m"]
CATEGORICAL = ["department", "work_mode", "job_level"]

# Dolan single-item burnout measure, 1-5; 3+ = at least one burnout symptom
BURNOUT_ITEM = "burnout_single_item"
BURNOUT_CUTOFF = 3


def add_scale_means(df):
    """Scale means over the answered items (respondents may skip items)."""
    out = df.copy()
    out["workload_mean"] = out[WORKLOAD_ITEMS].mean(axis=1)
    out["support_mean"] = out[SUPPORT_ITEMS].mean(axis=1)
    out["autonomy_mean"] = out[AUTONOMY_ITEMS].mean(axis=1)
    return out


def feature_frame(df):
    df = add_scale_means(df)
    cols = LIKERT_ITEMS + ["workload_mean", "support_mean", "autonomy_mean"] + NUMERIC + CATEGORICAL
    return df[cols]


def build_preprocessor():
    numeric_cols = LIKERT_ITEMS + ["workload_mean", "support_mean", "autonomy_mean"] + NUMERIC
    num = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    cat = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer([("num", num, numeric_cols), ("cat", cat, CATEGORICAL)])
