"""Product-grouped splits: every review of a given product lands in exactly one partition."""
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold


def first_fold(df: pd.DataFrame, label_col: str, group_col: str, n_splits: int, seed: int):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    rest_idx, hold_idx = next(sgkf.split(df, df[label_col], groups=df[group_col]))
    return df.iloc[rest_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)


def grouped_train_val_test(df, label_col, group_col, n_test, n_val, seed):
    rest, test = first_fold(df, label_col, group_col, n_test, seed)
    train, val = first_fold(rest, label_col, group_col, n_val, seed)
    assert not set(train[group_col]) & set(test[group_col])
    assert not set(val[group_col]) & set(test[group_col])
    return train, val, test
