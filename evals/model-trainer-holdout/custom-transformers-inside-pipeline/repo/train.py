import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from sepsis.transformers import MissingIndicatorFrame, QuantileClipper, VitalsRatios

SEED = 3
VITALS = ["heart_rate", "systolic_bp", "diastolic_bp", "resp_rate", "temperature", "spo2", "fio2",
          "lactate", "wbc", "creatinine", "age"]

encounters = pd.read_parquet("data/encounters_first_6h.parquet")  # first encounter of each patient only
features, target = encounters[VITALS], encounters["sepsis_48h"]
feat_train, feat_test, tgt_train, tgt_test = train_test_split(
    features, target, test_size=0.25, stratify=target, random_state=SEED
)

pipe = Pipeline([
    ("ratios", VitalsRatios()),
    ("flags", MissingIndicatorFrame()),
    ("clip", QuantileClipper()),
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("clf", LogisticRegression(max_iter=5000, class_weight="balanced")),
])
grid = {
    "clip__lower": [0.0, 0.005, 0.01],
    "clip__upper": [0.99, 0.995, 1.0],
    "clf__C": np.logspace(-3, 1, 5),
}
search = GridSearchCV(pipe, grid, scoring="average_precision",
                      cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED), n_jobs=-1)
search.fit(feat_train, tgt_train)
print("best", search.best_params_, "cv AP", round(search.best_score_, 4))

prior = DummyClassifier(strategy="prior").fit(feat_train, tgt_train)
summary = {}
for name, est in [("pipeline", search.best_estimator_), ("prior", prior)]:
    proba = est.predict_proba(feat_test)[:, 1]
    summary[name] = {
        "roc_auc": roc_auc_score(tgt_test, proba),
        "pr_auc": average_precision_score(tgt_test, proba),
        "brier": brier_score_loss(tgt_test, proba),
    }
print(json.dumps(summary, indent=2))
