import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from readmit.cohort import CATEGORICAL, NUMERIC


def preprocessor():
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                          ("scale", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=30), CATEGORICAL),
    ])


def logistic_pipeline():
    return Pipeline([("prep", preprocessor()), ("clf", LogisticRegression(max_iter=3000, C=0.3))])


def boosting_pipeline(seed):
    return Pipeline([("prep", preprocessor()),
                     ("clf", HistGradientBoostingClassifier(max_iter=500, early_stopping=True,
                                                            random_state=seed))])


def threshold_at_sensitivity(y_true, proba, target):
    fpr, tpr, thr = roc_curve(y_true, proba)
    return float(thr[np.argmax(tpr >= target)])


def summarize(y_true, proba, threshold=None):
    out = {
        "auroc": roc_auc_score(y_true, proba),
        "auprc": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
    if threshold is not None:
        pred = proba >= threshold
        tp = np.sum(pred & (y_true == 1))
        out.update(sensitivity=tp / np.sum(y_true == 1), ppv=tp / max(pred.sum(), 1),
                   flag_rate=pred.mean())
    return out
