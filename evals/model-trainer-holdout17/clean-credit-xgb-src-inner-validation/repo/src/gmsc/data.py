import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from gmsc.params import SEED, SPLIT, TARGET

LATE_COLS = [
    "NumberOfTime30-59DaysPastDueNotWorse",
    "NumberOfTime60-89DaysPastDueNotWorse",
    "NumberOfTimes90DaysLate",
]


def load(path):
    df = pd.read_csv(path, index_col=0)
    # 96/98 are sentinel codes in the late-payment counters, not counts
    df[LATE_COLS] = df[LATE_COLS].where(df[LATE_COLS] < 90, np.nan)
    df["total_late"] = df[LATE_COLS].sum(axis=1, min_count=1)
    df["income_per_dependent"] = df["MonthlyIncome"] / (df["NumberOfDependents"].fillna(0) + 1)
    return df


def split(df):
    """outer holdout, then a validation slice of the remaining data for early stopping"""
    y = df.pop(TARGET)
    X_dev, X_test, y_dev, y_test = train_test_split(
        df, y, test_size=SPLIT["test_size"], stratify=y, random_state=SEED)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_dev, y_dev, test_size=SPLIT["valid_size"], stratify=y_dev, random_state=SEED)
    return (X_train, y_train), (X_valid, y_valid), (X_test, y_test)
