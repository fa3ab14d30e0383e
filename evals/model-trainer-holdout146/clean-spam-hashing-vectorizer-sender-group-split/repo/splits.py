"""Sender-disjoint splits: the same sender never appears on both sides, otherwise the model
just memorises a handful of prolific spammers' templates."""
import numpy as np
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold


def holdout_by_sender(groups, test_size: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    train_idx, test_idx = next(gss.split(np.zeros(len(groups)), groups=groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    return train_idx, test_idx


def sender_folds(y, groups, n_splits: int, seed: int):
    return StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(
        np.zeros(len(y)), y, groups
    )
