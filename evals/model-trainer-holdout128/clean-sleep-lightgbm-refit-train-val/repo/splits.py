import numpy as np
from sklearn.model_selection import GroupShuffleSplit


def subject_split(df, group_col, frac, seed):
    """Split rows so that every subject lands entirely on one side."""
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df[group_col]))
    left, right = df.iloc[a], df.iloc[b]
    assert not set(left[group_col]) & set(right[group_col])
    return left, right


def add_context(df, group_col, cols, lags=(1, 2)):
    """Neighbouring-epoch features (previous/next 30 s epoch of the same night)."""
    out = df.copy()
    g = df.groupby([group_col, "night"], sort=False)
    for lag in lags:
        for c in cols:
            out[f"{c}_prev{lag}"] = g[c].shift(lag)
            out[f"{c}_next{lag}"] = g[c].shift(-lag)
    return out
