import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def load_yield_table(path, target):
    df = pd.read_parquet(path)
    df = df[df[target].between(0.0, 1.0)]
    # engineered-lot wafers (split-lot experiments) are not representative of production
    df = df[~df["lot_id"].str.startswith("ENG")]
    return df.reset_index(drop=True)


def group_split(df, group, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df[group]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def xy(df, features, target):
    return df[features].astype(np.float32), df[target].to_numpy(dtype=np.float32)
