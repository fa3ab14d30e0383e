"""AF vs. non-AF from HRV features (PhysioNet/CinC 2017 single-lead recordings, ~9% AF).

SMOTE lives inside the imblearn pipeline, so it is re-fit on the training part of every CV fold.
"""
import json
import logging

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("afib")
SEED = 2017


def best_f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-12, None)
    return float(thr[np.argmax(f1[:-1])])


def main():
    feats = pd.read_parquet("data/hrv_features.parquet")      # one row per recording
    X = feats.drop(columns=["record", "af"])
    y = feats["af"].to_numpy()
    log.info("AF prevalence %.3f over %d recordings", y.mean(), len(y))

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    candidates = {
        "logreg": (LogisticRegression(max_iter=5000), {"clf__C": [0.01, 0.1, 1, 10]}),
        "hgb": (
            HistGradientBoostingClassifier(random_state=SEED),
            {"clf__learning_rate": [0.03, 0.1], "clf__max_leaf_nodes": [15, 31], "clf__l2_regularization": [0.0, 1.0]},
        ),
    }
    results = {}
    for name, (clf, grid) in candidates.items():
        pipe = Pipeline([("smote", SMOTE(random_state=SEED)), ("scale", StandardScaler()), ("clf", clf)])
        search = GridSearchCV(pipe, grid, cv=cv, scoring="average_precision", n_jobs=-1).fit(X_dev, y_dev)
        oof = cross_val_predict(search.best_estimator_, X_dev, y_dev, cv=cv, method="predict_proba")[:, 1]
        thr = best_f1_threshold(y_dev, oof)              # threshold from out-of-fold dev predictions
        p_test = search.best_estimator_.predict_proba(X_test)[:, 1]
        results[name] = {
            "cv_pr_auc": search.best_score_,
            "test_pr_auc": average_precision_score(y_test, p_test),
            "test_roc_auc": roc_auc_score(y_test, p_test),
            "threshold": thr,
            "test_f1": f1_score(y_test, p_test >= thr),
            "test_sensitivity": recall_score(y_test, p_test >= thr),
        }
        joblib.dump(search.best_estimator_, f"models/{name}.joblib")

    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    p_prior = prior.predict_proba(X_test)[:, 1]
    results["prior"] = {"test_pr_auc": average_precision_score(y_test, p_prior), "test_roc_auc": roc_auc_score(y_test, p_prior)}
    print(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
