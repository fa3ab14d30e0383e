import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_curve
from sklearn.model_selection import StratifiedGroupKFold


def oof_probabilities(estimator, X, y, groups, n_folds, seed):
    """Out-of-fold P(y=1) for every training row; folds are patient-disjoint and label-stratified."""
    oof = np.zeros(len(y), dtype=float)
    cv = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for fold, (tr, va) in enumerate(cv.split(X, y, groups)):
        model = clone(estimator).fit(X.iloc[tr], y.iloc[tr])
        oof[va] = model.predict_proba(X.iloc[va])[:, 1]
    return oof


def threshold_for_sensitivity(y_true, proba, target):
    """Highest threshold whose sensitivity is still >= target (keeps PPV as high as possible)."""
    fpr, tpr, thr = roc_curve(y_true, proba)
    ok = np.where(tpr >= target)[0]
    return float(thr[ok[0]])
