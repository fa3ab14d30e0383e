"""Which harpsichord strings will break before the next regulation visit?

Rare event (~6% of strings). SMOTE is used, but only inside the imblearn Pipeline so it is
re-fit on the training folds of every CV split and never sees validation or test rows.
"""
import json
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, f1_score,
                             precision_recall_curve, roc_auc_score)
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("strings")
SEED = 19

strings = pd.read_csv("data/string_register.csv")
NUM = ["gauge_in", "speaking_length_mm", "tension_kg", "pitch_hz", "months_since_restring",
       "humidity_swing_pct", "plucks_per_week", "pct_of_breaking_stress"]
CAT = ["material", "choir", "instrument_maker"]
X = strings[NUM + CAT]
y = strings["broke_before_visit"].astype(int)
log.info("positive rate %.3f", y.mean())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT),
])
model = ImbPipeline([
    ("prep", prep),
    ("smote", SMOTE(random_state=SEED)),
    ("xgb", XGBClassifier(tree_method="hist", eval_metric="aucpr", random_state=SEED, n_jobs=4)),
])
space = {
    "smote__k_neighbors": [3, 5, 7],
    "smote__sampling_strategy": [0.2, 0.35, 0.5],
    "xgb__n_estimators": [200, 400, 800],
    "xgb__max_depth": [3, 4, 6],
    "xgb__learning_rate": [0.02, 0.05, 0.1],
    "xgb__subsample": [0.7, 0.9, 1.0],
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = RandomizedSearchCV(model, space, n_iter=30, scoring="average_precision", cv=cv,
                            random_state=SEED, n_jobs=-1, refit=True)
search.fit(X_train, y_train)
log.info("best CV AP %.3f with %s", search.best_score_, search.best_params_)

# operating threshold from out-of-fold training predictions
oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
p, r, t = precision_recall_curve(y_train, oof)
threshold = float(t[np.argmax(2 * p[:-1] * r[:-1] / np.maximum(p[:-1] + r[:-1], 1e-12))])

proba = search.predict_proba(X_test)[:, 1]
dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)
metrics = {
    "test_average_precision": average_precision_score(y_test, proba),
    "test_roc_auc": roc_auc_score(y_test, proba),
    "test_f1": f1_score(y_test, proba >= threshold),
    "test_balanced_accuracy": balanced_accuracy_score(y_test, proba >= threshold),
    "threshold": threshold,
    "dummy_average_precision": average_precision_score(y_test, dummy.predict_proba(X_test)[:, 1]),
}
print(json.dumps(metrics, indent=2))
