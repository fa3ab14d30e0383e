"""Shared preprocessing for the year-end performance score model.
Mid-year check-in data (goals, 360 pulse, 1:1 cadence) -> calibrated year-end score (1.0-5.0)."""
import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.preprocessing import StandardScaler

NUMERIC = [
    "goals_set", "goals_on_track_pct", "midyear_self_rating", "midyear_mgr_rating",
    "feedback_360_mean", "feedback_360_n", "one_on_ones_h1", "training_hours_h1",
    "tenure_months", "months_in_role", "prior_year_score", "overtime_hours_h1",
]
ONE_HOT = ["job_family", "level_band", "region"]


def load_checkins(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["status"] == "active"].drop_duplicates("employee_id", keep="last")
    # a handful of managers enter 0 when no rating was given
    df.loc[df["midyear_mgr_rating"] == 0, "midyear_mgr_rating"] = np.nan
    df["feedback_360_n"] = df["feedback_360_n"].fillna(0)
    return df


def prepare(df: pd.DataFrame):
    num = KNNImputer(n_neighbors=10).fit_transform(df[NUMERIC])
    num = StandardScaler().fit_transform(num)
    num = pd.DataFrame(num, columns=NUMERIC, index=df.index)
    cats = pd.get_dummies(df[ONE_HOT].fillna("unknown"), dtype=float)
    X = pd.concat([num, cats], axis=1)
    y = df["yearend_score"].astype(float)
    return X, y
