import lightgbm as lgb
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import precision_recall_curve


def fit_booster(params, seed, X_fit, y_fit, X_val, y_val):
    clf = lgb.LGBMClassifier(**params, random_state=seed, verbose=-1)
    clf.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], eval_metric="average_precision",
            callbacks=[lgb.early_stopping(150, verbose=False)])
    return clf


def calibrate(clf, X, y):
    cal = CalibratedClassifierCV(clf, cv="prefit", method="isotonic")
    cal.fit(X, y)
    return cal


def pick_threshold(y, p, min_precision):
    prec, rec, thr = precision_recall_curve(y, p)
    ok = np.where(prec[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return 0.5
    best = ok[np.argmax(rec[:-1][ok])]
    return float(thr[best])
