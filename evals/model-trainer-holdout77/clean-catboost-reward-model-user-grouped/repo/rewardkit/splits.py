"""User-grouped, label-stratified holdout splits.

The same listener appears in many logged rounds; keeping each user on one side
of a split stops the model from memorising per-user taste across train/test.
"""
import numpy as np
from sklearn.model_selection import StratifiedGroupKFold


def grouped_holdout(y, groups, n_folds, seed):
    """Return (train_idx, holdout_idx) using the first fold of a StratifiedGroupKFold."""
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    train_idx, hold_idx = next(sgkf.split(np.zeros(len(y)), y, groups))
    return train_idx, hold_idx


def check_disjoint(groups, *index_sets):
    seen = set()
    for idx in index_sets:
        g = set(np.asarray(groups)[idx])
        assert not (g & seen), "user appears in more than one split"
        seen |= g
