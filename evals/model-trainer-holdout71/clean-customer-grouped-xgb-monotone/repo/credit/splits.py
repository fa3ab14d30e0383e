"""Customer-level splitting: every loan of a customer stays on one side."""
from sklearn.model_selection import StratifiedGroupKFold


def holdout_by_customer(y, groups, n_folds, seed):
    """Use one fold of a StratifiedGroupKFold as the customer-disjoint test set."""
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(y, y, groups))
    return train_idx, test_idx


def cv_folds(y, groups, n_folds, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed + 1)
    return list(sgkf.split(y, y, groups))
