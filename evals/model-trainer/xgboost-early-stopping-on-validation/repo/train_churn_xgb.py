import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (average_precision_score, f1_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 101

subs = pd.read_csv("data/subscriptions.csv")
X, y = subs.drop(columns=["account_id", "churned"]), subs["churned"]
X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_trval, y_trval, test_size=0.25, stratify=y_trval, random_state=SEED)

model = XGBClassifier(
    n_estimators=4000,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric="aucpr",
    early_stopping_rounds=150,
    random_state=SEED,
)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=500)

val_proba = model.predict_proba(X_val)[:, 1]
candidates = np.linspace(0.05, 0.95, 91)
threshold = candidates[np.argmax([f1_score(y_val, val_proba >= t) for t in candidates])]

test_proba = model.predict_proba(X_test)[:, 1]
test_pred = (test_proba >= threshold).astype(int)
baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
report = {
    "best_iteration": int(model.best_iteration),
    "threshold": float(threshold),
    "roc_auc": roc_auc_score(y_test, test_proba),
    "pr_auc": average_precision_score(y_test, test_proba),
    "precision": precision_score(y_test, test_pred),
    "recall": recall_score(y_test, test_pred),
    "f1": f1_score(y_test, test_pred),
    "baseline_pr_auc": average_precision_score(y_test, baseline.predict_proba(X_test)[:, 1]),
}
print(json.dumps(report, indent=2))
model.save_model("models/churn_xgb.json")
