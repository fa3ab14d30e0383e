"""Prompt-grouped splits: every comparison for a prompt lands in exactly one split."""
import numpy as np
from sklearn.model_selection import GroupShuffleSplit


def grouped_three_way(df, group_col, test_fraction, val_fraction, seed):
    outer = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    rest_idx, test_idx = next(outer.split(df, groups=df[group_col]))
    rest = df.iloc[rest_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_fraction / (1 - test_fraction), random_state=seed)
    train_idx, val_idx = next(inner.split(rest, groups=rest[group_col]))
    train, val, test = rest.iloc[train_idx], rest.iloc[val_idx], df.iloc[test_idx]
    assert not set(train[group_col]) & set(test[group_col])
    assert not set(val[group_col]) & set(test[group_col])
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


def length_baseline(df):
    return float(np.mean(df["chosen"].str.len() > df["rejected"].str.len()))
