"""Flag roast batches that will fail cupping (scorched / baked) from the roaster's logged profile."""
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, f1_score,
                             precision_recall_curve, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO, format="%(message)s")
SEED = 8

profiles = pd.read_csv("data/roast_profiles.csv")
features = ["charge_temp_c", "turning_point_s", "dry_end_s", "first_crack_s", "drop_temp_c",
            "development_ratio", "ror_at_fc", "ror_crash_flag", "batch_kg", "bean_moisture_pct",
            "bean_density", "ambient_temp_c"]
X, y = profiles[features], profiles["cupping_defect"]
logging.info("defect rate %.3f", y.mean())

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
searches = {
    "logreg": GridSearchCV(
        Pipeline([("scale", StandardScaler()), ("smote", SMOTE(random_state=SEED)),
                  ("clf", LogisticRegression(max_iter=3000))]),
        {"smote__k_neighbors": [3, 5], "clf__C": [0.03, 0.3, 3.0]},
        scoring="average_precision", cv=cv, n_jobs=-1),
    "forest": GridSearchCV(
        Pipeline([("smote", SMOTE(random_state=SEED)),
                  ("clf", RandomForestClassifier(n_estimators=500, random_state=SEED, n_jobs=-1))]),
        {"smote__k_neighbors": [3, 5], "clf__min_samples_leaf": [1, 5, 20]},
        scoring="average_precision", cv=cv, n_jobs=-1),
}
for name, gs in searches.items():
    gs.fit(X_dev, y_dev)
    logging.info("%s best CV AP %.4f %s", name, gs.best_score_, gs.best_params_)

best_name = max(searches, key=lambda k: searches[k].best_score_)
best_pipe = searches[best_name].best_estimator_

# operating point chosen on out-of-fold probabilities of the dev set (test untouched)
oof = cross_val_predict(best_pipe, X_dev, y_dev, cv=cv, method="predict_proba")[:, 1]
p, r, t = precision_recall_curve(y_dev, oof)
f1_curve = 2 * p[:-1] * r[:-1] / np.maximum(p[:-1] + r[:-1], 1e-12)
threshold = t[np.argmax(f1_curve)]
logging.info("threshold %.3f (OOF F1 %.3f)", threshold, f1_curve.max())

# one look at the test set
prob = best_pipe.predict_proba(X_test)[:, 1]
flag = prob >= threshold
prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
print(f"model       : {best_name}")
print(f"PR AUC      : {average_precision_score(y_test, prob):.4f} (prior {average_precision_score(y_test, prior.predict_proba(X_test)[:, 1]):.4f})")
print(f"ROC AUC     : {roc_auc_score(y_test, prob):.4f}")
print(f"F1 @ thr    : {f1_score(y_test, flag):.4f}")
print(f"balanced acc: {balanced_accuracy_score(y_test, flag):.4f}")
