import numpy as np
from sklearn.model_selection import StratifiedGroupKFold


def grouped_holdout(y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    keep, hold = next(sgkf.split(np.zeros(len(y)), y, groups))
    return keep, hold
