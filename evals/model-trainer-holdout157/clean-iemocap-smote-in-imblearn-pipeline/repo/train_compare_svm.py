"""IEMOCAP 4-class SER from openSMILE ComParE_2016 functionals (6373-d).

Sessions 1-4: model selection with leave-one-session-out CV (SMOTE applied inside each training fold).
Session 5: held-out test, evaluated once with the refit best model.
"""
import argparse
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.feature_selection import VarianceThreshold
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import GridSearchCV, LeaveOneGroupOut
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

parser = argparse.ArgumentParser()
parser.add_argument("--features", default="features/iemocap_compare2016.csv")
parser.add_argument("--labels", default="data/iemocap_labels.csv")
parser.add_argument("--seed", type=int, default=2021)
args = parser.parse_args()

feats = pd.read_csv(args.features, index_col="utterance_id")
labels = pd.read_csv(args.labels, index_col="utterance_id")          # emotion, session, speaker
labels["emotion"] = labels.emotion.replace({"exc": "hap"})
labels = labels[labels.emotion.isin(["neu", "hap", "ang", "sad"])]
df = feats.join(labels, how="inner")

feature_cols = [c for c in feats.columns if c not in ("name", "frameTime")]
train = df[df.session <= 4]
test = df[df.session == 5]
print("train", train.emotion.value_counts().to_dict())
print("test ", test.emotion.value_counts().to_dict())

pipe = Pipeline([
    ("var", VarianceThreshold(1e-8)),
    ("scale", StandardScaler()),
    ("smote", SMOTE(k_neighbors=5, random_state=args.seed)),
    ("svm", LinearSVC(dual=False, class_weight=None, max_iter=5000, random_state=args.seed)),
])
search = GridSearchCV(
    pipe,
    {"svm__C": np.logspace(-5, -1, 5), "smote__k_neighbors": [3, 5, 10]},
    cv=LeaveOneGroupOut(),
    scoring="balanced_accuracy",
    n_jobs=-1,
)
search.fit(train[feature_cols].values, train.emotion.values, groups=train.session.values)
print("best", search.best_params_, "LOSO-CV UAR %.4f" % search.best_score_)

pred = search.predict(test[feature_cols].values)
uar = balanced_accuracy_score(test.emotion.values, pred)
print("Session 5 UAR %.4f" % uar)
print(classification_report(test.emotion.values, pred, digits=4))
print(confusion_matrix(test.emotion.values, pred, labels=["neu", "hap", "ang", "sad"]))

with open("results_session5.json", "w") as f:
    json.dump({"best_params": {k: float(v) if not isinstance(v, int) else v for k, v in search.best_params_.items()},
               "cv_uar": search.best_score_, "test_uar": uar}, f, indent=2)
