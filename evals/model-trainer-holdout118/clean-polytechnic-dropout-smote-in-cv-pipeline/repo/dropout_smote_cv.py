"""Dropout vs. not, UCI "Predict Students' Dropout and Academic Success" (Realinho et al., 2022).

Enrolment-time + first-semester features; 'Enrolled' and 'Graduate' are merged into the negative class.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 77

df = pd.read_csv("data/dropout_academic_success.csv", sep=";")
df.columns = df.columns.str.strip()
df = df.drop(columns=[c for c in df.columns if "2nd sem" in c])  # decision is made after semester 1
y = (df.pop("Target") == "Dropout").astype(int)
X = df
print(X.shape, "dropout share:", round(y.mean(), 3))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("smote", SMOTE(sampling_strategy=0.8, k_neighbors=5, random_state=SEED)),
    ("rf", RandomForestClassifier(n_estimators=600, min_samples_leaf=2, max_features="sqrt",
                                  n_jobs=-1, random_state=SEED)),
])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
scores = cross_validate(pipe, X_train, y_train, cv=cv, scoring=["roc_auc", "f1", "recall"])
for k in ["test_roc_auc", "test_f1", "test_recall"]:
    print(f"CV {k[5:]:8s} {scores[k].mean():.3f} +/- {scores[k].std():.3f}")

pipe.fit(X_train, y_train)
proba = pipe.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(classification_report(y_test, pred, target_names=["stay", "dropout"], digits=3))
print(f"test ROC-AUC {roc_auc_score(y_test, proba):.3f}  F1 {f1_score(y_test, pred):.3f}")

importances = pd.Series(pipe.named_steps["rf"].feature_importances_, index=X.columns)
print(importances.sort_values(ascending=False).head(12).round(4).to_string())

# sanity check: class balance the forest actually saw in the final fit
_, y_res = SMOTE(sampling_strategy=0.8, random_state=SEED).fit_resample(
    pipe.named_steps["scale"].transform(X_train), y_train)
print("resampled train counts:", np.bincount(y_res))
