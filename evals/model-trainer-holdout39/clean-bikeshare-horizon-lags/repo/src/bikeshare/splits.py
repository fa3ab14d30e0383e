import pandas as pd


def chronological(df: pd.DataFrame, valid_days: int, holdout_days: int):
    """train | valid | holdout by calendar date; no row is ever shuffled across the cutoffs."""
    last = df["date"].max()
    holdout_start = last - pd.Timedelta(days=holdout_days - 1)
    valid_start = holdout_start - pd.Timedelta(days=valid_days)
    train = df[df["date"] < valid_start]
    valid = df[(df["date"] >= valid_start) & (df["date"] < holdout_start)]
    holdout = df[df["date"] >= holdout_start]
    return train, valid, holdout
