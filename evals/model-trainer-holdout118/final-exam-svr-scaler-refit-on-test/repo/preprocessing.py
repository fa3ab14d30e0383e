"""Turn the coursework export into a model matrix."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

NUMERIC = [
    "quiz1", "quiz2", "quiz3", "quiz4", "assignment1", "assignment2", "midterm",
    "lab_attendance", "video_minutes", "forum_posts", "practice_attempts",
]
TUTORIAL_GROUPS = ["T01", "T02", "T03", "T04", "T05", "T06"]


def add_derived(df):
    df = df.copy()
    df["quiz_mean"] = df[["quiz1", "quiz2", "quiz3", "quiz4"]].mean(axis=1)
    df["quiz_trend"] = df["quiz4"] - df["quiz1"]
    df["log_video_minutes"] = np.log1p(df["video_minutes"])
    df["log_practice"] = np.log1p(df["practice_attempts"])
    return df


def build_matrix(df, target):
    """Returns (X, y) ready for the SVR."""
    df = add_derived(df)
    cols = NUMERIC + ["quiz_mean", "quiz_trend", "log_video_minutes", "log_practice"]

    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    num = scaler.fit_transform(imputer.fit_transform(df[cols]))

    groups = pd.get_dummies(pd.Categorical(df["tutorial_group"], categories=TUTORIAL_GROUPS), dtype=float)
    X = np.hstack([num, groups.to_numpy()])
    y = df[target].to_numpy(dtype=float)
    return X, y
