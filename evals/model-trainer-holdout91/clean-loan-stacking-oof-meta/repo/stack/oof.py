import numpy as np
from sklearn.base import clone


def oof_and_holdout_preds(model, X, y, X_hold, folds):
    """Out-of-fold probabilities on X and fold-averaged probabilities on X_hold."""
    oof = np.zeros(len(X))
    hold = np.zeros(len(X_hold))
    for tr_idx, va_idx in folds.split(X, y):
        m = clone(model).fit(X.iloc[tr_idx], y.iloc[tr_idx])
        oof[va_idx] = m.predict_proba(X.iloc[va_idx])[:, 1]
        hold += m.predict_proba(X_hold)[:, 1] / folds.get_n_splits()
    return oof, hold


def logit(p, eps=1e-6):
    p = np.clip(p, eps, 1 - eps)
    return np.log(p / (1 - p))
