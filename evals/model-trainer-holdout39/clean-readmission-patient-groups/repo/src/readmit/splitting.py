"""Patient-level splitting: no patient ever has stays on both sides of a split."""
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold


def patient_holdout(df: pd.DataFrame, target: str, group_col: str, n_folds: int, seed: int):
    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(splitter.split(df, df[target], groups=df[group_col]))
    return df.iloc[dev_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)


def inner_cv(n_folds: int) -> StratifiedGroupKFold:
    # shuffle=False -> fold assignment is a deterministic function of the data, so there is no
    # random_state to set; the same folds are produced on every run.
    return StratifiedGroupKFold(n_splits=n_folds)
