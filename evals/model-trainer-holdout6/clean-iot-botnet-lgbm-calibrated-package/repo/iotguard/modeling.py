import lightgbm as lgb
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import precision_recall_curve

from . import config


def fit_booster(X_fit, y_fit, X_es, y_es):
    clf = lgb.LGBMClassifier(**config.LGB, random_state=config.SEED, verbose=-1)
    clf.fit(X_fit, y_fit, eval_set=[(X_es, y_es)], eval_metric="average_precision",
            callbacks=[lgb.early_stopping(150, verbose=False)])
    return clf


def calibrate_on(clf, X_cal, y_cal):
    """Sigmoid calibration of an already-fitted model on a dedicated calibration split."""
    return CalibratedClassifierCV(clf, method="sigmoid", cv="prefit").fit(X_cal, y_cal)


def threshold_at_precision(y, p, target):
    prec, rec, thr = precision_recall_curve(y, p)
    ok = np.where(prec[:-1] >= target)[0]
    return float(thr[ok[0]]) if len(ok) else 0.5
