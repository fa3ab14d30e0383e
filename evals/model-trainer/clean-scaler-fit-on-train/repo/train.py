"""Loan default model: scaling statistics come from the training split only."""
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 42
FEATURES = ["income", "loan_amount", "term_months", "credit_score", "debt_to_income", "years_employed"]

df = pd.read_csv("data/loans.csv").dropna(subset=FEATURES + ["defaulted"])
X, y = df[FEATURES].to_numpy(), df["defaulted"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

scaler = StandardScaler().fit(X_train)
X_train_s = scaler.transform(X_train)
X_test_s = scaler.transform(X_test)

model = LogisticRegression(C=0.5, max_iter=1000, class_weight="balanced")
model.fit(X_train_s, y_train)
baseline = DummyClassifier(strategy="prior").fit(X_train_s, y_train)

# operating threshold from out-of-fold predictions on the training split, never from the test set
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
oof_model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=1000, class_weight="balanced"))
oof = cross_val_predict(oof_model, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
precision, recall, thresholds = precision_recall_curve(y_train, oof)
f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
threshold = thresholds[np.argmax(f1[:-1])]

proba = model.predict_proba(X_test_s)[:, 1]
print(f"threshold chosen on training folds: {threshold:.3f}")
print(classification_report(y_test, (proba >= threshold).astype(int), digits=3))
print("ROC AUC", round(roc_auc_score(y_test, proba), 4), "baseline", round(roc_auc_score(y_test, baseline.predict_proba(X_test_s)[:, 1]), 4))
print("PR AUC", round(average_precision_score(y_test, proba), 4), "baseline", round(y_test.mean(), 4))
