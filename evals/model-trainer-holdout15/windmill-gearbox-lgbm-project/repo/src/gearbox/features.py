"""Feature engineering for the historic windmill gearbox survey."""
import numpy as np
import pandas as pd

CATEGORICAL = ["mill_type", "cog_wood", "region"]


def clean_survey(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["cog_wood"] = df["cog_wood"].str.strip().str.lower()
    df["wallower_teeth"] = df["wallower_teeth"].clip(lower=10)
    df["gear_ratio"] = df["brake_wheel_teeth"] / df["wallower_teeth"]
    df["log_grind_hours"] = np.log1p(df["annual_grind_hours"])
    df["age_years"] = df["survey_year"] - df["last_recog_year"]
    return df


def add_mill_history(df: pd.DataFrame, target: str) -> pd.DataFrame:
    """Each mill has several gearboxes surveyed; how failure-prone is the mill overall?"""
    df = df.copy()
    grp = df.groupby("mill_id")[target]
    df["mill_failure_rate"] = grp.transform("mean")
    df["mill_n_gearboxes"] = grp.transform("size")
    return df


def to_lgb_frame(df: pd.DataFrame, drop: list[str]) -> pd.DataFrame:
    out = df.drop(columns=drop)
    for col in CATEGORICAL:
        out[col] = out[col].astype("category")
    return out
