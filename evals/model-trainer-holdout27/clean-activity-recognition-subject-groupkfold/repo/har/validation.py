import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GroupKFold

from .metrics import activity_metrics


def subject_holdout(windows, holdout_subjects):
    mask = windows["subject"].isin(holdout_subjects)
    return windows[~mask].reset_index(drop=True), windows[mask].reset_index(drop=True)


def grouped_cv(model, X, y, subjects, n_splits: int) -> dict:
    """Subject-wise folds: no person contributes windows to both sides of a fold."""
    scores = []
    for tr, va in GroupKFold(n_splits=n_splits).split(X, y, groups=subjects):
        fitted = clone(model).fit(X.iloc[tr], y.iloc[tr])
        scores.append(activity_metrics(y.iloc[va], fitted.predict(X.iloc[va])))
    return {k: float(np.mean([s[k] for s in scores])) for k in scores[0]}
