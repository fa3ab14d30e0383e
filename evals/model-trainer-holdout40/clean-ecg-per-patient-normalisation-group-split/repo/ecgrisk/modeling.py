import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def candidates(seed):
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                                LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced")),
        "hgb": HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0,
                                              class_weight="balanced", random_state=seed),
    }


def f1_threshold(y_true, proba):
    p, r, t = precision_recall_curve(y_true, proba)
    f1 = 2 * p * r / np.clip(p + r, 1e-9, None)
    return float(t[np.argmax(f1[:-1])])


def metrics(y_true, proba, threshold):
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "avg_precision": float(average_precision_score(y_true, proba)),
        "f1": float(f1_score(y_true, proba >= threshold)),
    }
