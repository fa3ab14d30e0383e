import numpy as np
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate


def compare(pipes: dict, X, y, p) -> dict:
    cv = StratifiedKFold(n_splits=p.cv_folds, shuffle=True, random_state=p.seed)
    out = {}
    for name, pipe in pipes.items():
        res = cross_validate(pipe, X, y, cv=cv, scoring=["average_precision", "roc_auc", "neg_brier_score"], n_jobs=-1)
        out[name] = {k[5:]: float(np.mean(v)) for k, v in res.items() if k.startswith("test_")}
    return out


def oof_threshold(pipe, X, y, p) -> float:
    cv = StratifiedKFold(n_splits=p.cv_folds, shuffle=True, random_state=p.seed)
    oof = cross_val_predict(pipe, X, y, cv=cv, method="predict_proba")[:, 1]
    precision, recall, thr = precision_recall_curve(y, oof)
    f1 = 2 * precision[:-1] * recall[:-1] / np.clip(precision[:-1] + recall[:-1], 1e-9, None)
    return float(thr[np.argmax(f1)])
