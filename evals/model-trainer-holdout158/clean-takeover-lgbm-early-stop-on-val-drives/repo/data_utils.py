import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def load_windows(path, features, target):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[target])
    df[features] = df[features].astype("float32")
    return df


def split_by_group(df, group_col, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df[group_col]))
    return df.iloc[a], df.iloc[b]
