"""Stroke risk model -- does SMOTE actually help?

Blog follow-up. Oversampling is only ever applied by the imblearn Pipeline during .fit(),
i.e. to the training folds; validation folds and the test split keep their natural ~5% rate.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

RS = 123
stroke = pd.read_csv("data/healthcare-dataset-stroke-data.csv").drop(columns="id")
print(stroke["stroke"].value_counts())

X = stroke.drop(columns="stroke")
y = stroke["stroke"].to_numpy()
NUM = ["age", "avg_glucose_level", "bmi"]
CAT = ["gender", "hypertension", "heart_disease", "ever_married", "work_type", "Residence_type", "smoking_status"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=RS)

prep = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
])
smote_lr = ImbPipeline([
    ("prep", prep),
    ("smote", SMOTE(random_state=RS)),
    ("clf", LogisticRegression(max_iter=5000)),
])
plain_lr = Pipeline([("prep", prep), ("clf", LogisticRegression(max_iter=5000, class_weight="balanced"))])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=RS)
search = GridSearchCV(
    smote_lr,
    {"smote__k_neighbors": [3, 5, 10], "smote__sampling_strategy": [0.25, 0.5, 1.0], "clf__C": [0.03, 0.3, 3.0]},
    scoring="average_precision", cv=cv, n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params", search.best_params_, "CV AP", round(search.best_score_, 4))

# decision threshold from out-of-fold predictions on the training split
oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
prec, rec, thr = precision_recall_curve(y_train, oof)
f1s = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-12)
thr_star = thr[np.argmax(f1s)]
print("OOF-chosen threshold", round(float(thr_star), 3))

models = {
    "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
    "lr_balanced": plain_lr.fit(X_train, y_train),
    "lr_smote": search.best_estimator_,
}
for name, m in models.items():
    p = m.predict_proba(X_test)[:, 1]
    print(f"{name:12s} test ROC-AUC {roc_auc_score(y_test, p):.4f}  PR-AUC {average_precision_score(y_test, p):.4f}")

p = models["lr_smote"].predict_proba(X_test)[:, 1]
hard = (p >= thr_star).astype(int)
print(f"lr_smote @ OOF threshold: F1 {f1_score(y_test, hard):.3f}  "
      f"precision {precision_score(y_test, hard, zero_division=0):.3f}  recall {recall_score(y_test, hard):.3f}")
