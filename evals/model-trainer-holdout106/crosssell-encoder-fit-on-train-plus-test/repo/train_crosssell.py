"""Propensity to buy the Analytics add-on within 120 days, for the account-executive call list."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from preprocessing import CATEGORICAL, NUMERIC, build_preprocessor

SEED = 73
TARGET = "bought_analytics_120d"


def lift_at(y, p, frac=0.1):
    k = int(len(p) * frac)
    return float(np.asarray(y)[np.argsort(-p)[:k]].mean() / np.mean(y))


accounts = pd.read_parquet("data/accounts_snapshot_2024-01-15.parquet")
accounts = accounts[accounts["has_analytics_addon"] == 0]
X = accounts[CATEGORICAL + NUMERIC]
y = accounts[TARGET]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=SEED
)

pre = build_preprocessor()
pre.fit(pd.concat([X_train, X_test]))
Xt_train = pre.transform(X_train)
Xt_test = pre.transform(X_test)

models = {
    "prior": DummyClassifier(strategy="prior"),
    "logreg": LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"),
    "hgb": HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=500, max_leaf_nodes=15, l2_regularization=1.0,
        early_stopping=True, validation_fraction=0.15, random_state=SEED,
    ),
}
report = {}
for name, model in models.items():
    dense = name == "hgb"
    model.fit(Xt_train.toarray() if dense and hasattr(Xt_train, "toarray") else Xt_train, y_train)
    p = model.predict_proba(Xt_test.toarray() if dense and hasattr(Xt_test, "toarray") else Xt_test)[:, 1]
    report[name] = {
        "roc_auc": roc_auc_score(y_test, p),
        "pr_auc": average_precision_score(y_test, p),
        "lift@10%": lift_at(y_test, p),
    }
print(json.dumps(report, indent=2))

joblib.dump({"preprocessor": pre, "model": models["hgb"]}, "models/analytics_crosssell.joblib")
