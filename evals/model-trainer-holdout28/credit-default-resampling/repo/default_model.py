"""Credit card default (UCI Taiwan) -- handling class imbalance.

Blog companion script: "Stop ignoring the minority class". Compares a dummy model,
logistic regression and a random forest after rebalancing the data with SMOTE.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 99

cc = pd.read_csv("data/default_of_credit_card_clients.csv", skiprows=1)
cc = cc.rename(columns={"default payment next month": "default", "PAY_0": "PAY_1"}).drop(columns="ID")
print(cc["default"].value_counts(normalize=True).round(3))  # ~22% defaults

features = cc.drop(columns="default")
labels = cc["default"]

# rebalance so that both classes are equally represented
sm = SMOTE(k_neighbors=5, random_state=SEED)
feat_bal, lab_bal = sm.fit_resample(features, labels)
print("after SMOTE:", lab_bal.value_counts().to_dict())

X_tr, X_te, y_tr, y_te = train_test_split(
    feat_bal, lab_bal, test_size=0.25, stratify=lab_bal, random_state=SEED
)

models = {
    "dummy": DummyClassifier(strategy="prior"),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000)),
    "forest": RandomForestClassifier(n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=SEED),
}

for name, model in models.items():
    model.fit(X_tr, y_tr)
    proba = model.predict_proba(X_te)[:, 1]
    print(f"{name:7s} ROC-AUC {roc_auc_score(y_te, proba):.3f}  PR-AUC {average_precision_score(y_te, proba):.3f}")

print(classification_report(y_te, models["forest"].predict(X_te), digits=3))
