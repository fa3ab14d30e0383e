import numpy as np
from sklearn.model_selection import StratifiedGroupKFold


def patient_holdout(y, groups, n_folds, seed):
    """One fold of a stratified, patient-grouped K-fold as the test set."""
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(np.zeros(len(y)), y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    return train_idx, test_idx


def inner_cv(n_folds, seed):
    return StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
