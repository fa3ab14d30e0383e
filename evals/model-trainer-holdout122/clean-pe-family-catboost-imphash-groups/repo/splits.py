"""Group-aware splits: variants sharing an import hash must not straddle train/test."""
import numpy as np
from sklearn.model_selection import StratifiedGroupKFold


def holdout_by_group(y, groups, n_splits=5, seed=0):
    """One fold of a StratifiedGroupKFold as the test set (~1/n_splits of the rows)."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(np.zeros(len(y)), y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    return train_idx, test_idx


def inner_folds(y, groups, n_splits=4, seed=0):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return list(sgkf.split(np.zeros(len(y)), y, groups))
