"""Loading and feature building for the teacher wellbeing survey (one row per teacher)."""
import pandas as pd
from sklearn.model_selection import train_test_split

DEMANDS = [f"jd{i}" for i in range(1, 9)]      # job demands, 1-5
RESOURCES = [f"jr{i}" for i in range(1, 9)]    # job resources, 1-5
WORK_LIFE = ["wl_evenings", "wl_weekends", "wl_family_time"]
NUMERIC = ["years_teaching", "class_size", "contract_hours", "extra_duties_hours"]
CATEGORICAL = ["school_level", "school_sector", "subject_area"]


def load_survey(path):
    df = pd.read_csv(path)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    # scale scores: mean of answered items, missing if fewer than half answered
    for name, items in {"demands": DEMANDS, "resources": RESOURCES, "work_life": WORK_LIFE}.items():
        n_ans = df[items].notna().sum(axis=1)
        df[f"{name}_score"] = df[items].mean(axis=1).where(n_ans >= len(items) / 2)
    return df


def feature_columns():
    return (
        DEMANDS + RESOURCES + WORK_LIFE
        + ["demands_score", "resources_score", "work_life_score"]
        + NUMERIC + CATEGORICAL
    )


def split(df, target, test_size, seed):
    df = df.dropna(subset=[target])
    X = df[feature_columns()]
    y = df[target]
    return train_test_split(X, y, test_size=test_size, random_state=seed)
