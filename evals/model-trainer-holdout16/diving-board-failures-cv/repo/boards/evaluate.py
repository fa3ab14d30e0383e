import numpy as np
from sklearn.base import clone
from sklearn.metrics import average_precision_score, roc_auc_score


def cv_scores(model, X, y, folds):
    ap, auc = [], []
    for tr, va in folds.split(X, y):
        m = clone(model).fit(X.iloc[tr], y.iloc[tr])
        p = m.predict_proba(X.iloc[va])[:, 1]
        ap.append(average_precision_score(y.iloc[va], p))
        auc.append(roc_auc_score(y.iloc[va], p))
    return float(np.mean(ap)), float(np.mean(auc))
