from sklearn.model_selection import StratifiedGroupKFold


def grouped_holdout(y, groups, n_splits, seed):
    """Take one fold of a StratifiedGroupKFold as the holdout: machines never straddle it."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(X=y.reshape(-1, 1), y=y, groups=groups))
