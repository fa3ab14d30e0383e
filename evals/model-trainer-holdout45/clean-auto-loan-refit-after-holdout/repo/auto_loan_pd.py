"""Auto-loan PD model: holdout evaluation, approval cut-off from out-of-fold scores, then production refit."""
import json
from datetime import date

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.impute import SimpleImputer
from xgboost import XGBClassifier

SEED = 606
TARGET_BAD_RATE = 0.04
NUM = ["fico", "ltv", "pti", "dti", "loan_term", "vehicle_age", "down_payment_pct", "months_employed", "income"]
CAT = ["vehicle_type", "dealer_tier", "state", "new_used"]


def build(model):
    prep = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), CAT),
    ])
    return Pipeline([("prep", prep), ("model", model)])


def metrics(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    auc = roc_auc_score(y, p)
    return {"auc": round(auc, 4), "gini": round(2 * auc - 1, 4), "ks": round(float(np.max(tpr - fpr)), 4),
            "brier": round(brier_score_loss(y, p), 5)}


def cutoff_for_bad_rate(y, p, target_bad_rate):
    order = np.argsort(p)
    cum_bad = np.cumsum(np.asarray(y)[order]) / np.arange(1, len(p) + 1)
    ok = np.where(cum_bad <= target_bad_rate)[0]
    return float(np.asarray(p)[order][ok[-1]]) if len(ok) else float(np.min(p))


df = pd.read_csv("data/auto_loans_booked.csv")
X, y = df[NUM + CAT], df["charged_off"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

candidates = {
    "prior": build(DummyClassifier(strategy="prior")),
    "logit": build(LogisticRegression(C=0.5, max_iter=3000)),
    "xgb": build(XGBClassifier(n_estimators=500, max_depth=4, learning_rate=0.04, subsample=0.8,
                               colsample_bytree=0.8, min_child_weight=20, random_state=SEED)),
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
oof = cross_val_predict(candidates["xgb"], X_train, y_train, cv=cv, method="predict_proba")[:, 1]
cutoff = cutoff_for_bad_rate(y_train, oof, TARGET_BAD_RATE)

holdout = {}
for name, pipe in candidates.items():
    pipe.fit(X_train, y_train)
    p = pipe.predict_proba(X_test)[:, 1]
    holdout[name] = metrics(y_test, p)
    if name == "xgb":
        approved = p <= cutoff
        holdout[name]["approval_rate"] = round(float(approved.mean()), 4)
        holdout[name]["approved_bad_rate"] = round(float(y_test[approved].mean()), 4)
print(json.dumps(holdout, indent=2))

production = build(XGBClassifier(n_estimators=500, max_depth=4, learning_rate=0.04, subsample=0.8,
                                 colsample_bytree=0.8, min_child_weight=20, random_state=SEED))
production.fit(X, y)
joblib.dump({"pipeline": production, "cutoff": cutoff, "holdout_metrics": holdout,
             "trained_on": str(date.today())}, "models/auto_loan_pd_prod.joblib")
