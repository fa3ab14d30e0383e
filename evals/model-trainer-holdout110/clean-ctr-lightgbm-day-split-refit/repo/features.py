import numpy as np
import pandas as pd


def load(cfg):
    df = pd.read_parquet(cfg["data_path"])
    df[cfg["time_col"]] = pd.to_datetime(df[cfg["time_col"]])
    df["hour"] = df[cfg["time_col"]].dt.hour
    df["weekday"] = df[cfg["time_col"]].dt.weekday
    for c in cfg["log_cols"]:
        df[c] = np.log1p(df[c].clip(lower=0))
    return df


def split_by_day(df, time_col):
    """train = all days but the last two, valid = second-to-last day, test = last day."""
    day = df[time_col].dt.normalize()
    last = day.max()
    train = df[day < last - pd.Timedelta(days=1)]
    valid = df[day == last - pd.Timedelta(days=1)]
    test = df[day == last]
    return train.copy(), valid.copy(), test.copy()


def as_categories(frames, cols):
    """Use the first frame's categories for all frames."""
    ref = frames[0]
    for c in cols:
        ref[c] = ref[c].astype("category")
        for f in frames[1:]:
            f[c] = pd.Categorical(f[c], categories=ref[c].cat.categories)
    return frames
