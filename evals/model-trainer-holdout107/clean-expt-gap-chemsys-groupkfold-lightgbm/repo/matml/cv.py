import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit


def regression_metrics(y_true, y_pred):
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def carve_early_stopping_set(train_idx, groups, fraction, seed):
    """Split a fold's training indices again by group, for early stopping only."""
    gss = GroupShuffleSplit(n_splits=1, test_size=fraction, random_state=seed)
    fit_pos, es_pos = next(gss.split(train_idx, groups=groups[train_idx]))
    return train_idx[fit_pos], train_idx[es_pos]
