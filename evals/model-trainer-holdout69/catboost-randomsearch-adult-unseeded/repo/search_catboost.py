"""Randomized search over CatBoost settings for the census income task."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from datasets import load_dataset
from scipy.stats import loguniform, randint, uniform
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split

REPORT = Path("reports/catboost_search.json")

raw = load_dataset("scikit-learn/adult-census-income", split="train").to_pandas()
raw = raw.replace("?", np.nan)
raw["income"] = (raw["income"].str.strip() == ">50K").astype(int)

cat_features = [
    "workclass", "education", "marital.status", "occupation",
    "relationship", "race", "sex", "native.country",
]
for col in cat_features:
    raw[col] = raw[col].fillna("missing").astype(str)

X = raw.drop(columns=["income", "fnlwgt"])
y = raw["income"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
print(f"train {X_train.shape}, test {X_test.shape}, positive rate {y.mean():.3f}")

base = CatBoostClassifier(
    iterations=800,
    cat_features=cat_features,
    eval_metric="AUC",
    verbose=0,
    thread_count=8,
)
param_distributions = {
    "learning_rate": loguniform(0.01, 0.3),
    "depth": randint(4, 10),
    "l2_leaf_reg": loguniform(1, 30),
    "random_strength": uniform(0, 2),
    "bagging_temperature": uniform(0, 1),
    "border_count": [64, 128, 254],
}
search = RandomizedSearchCV(
    base,
    param_distributions,
    n_iter=30,
    scoring={"auc": "roc_auc", "ap": "average_precision"},
    refit="auc",
    cv=StratifiedKFold(n_splits=5, shuffle=True),
    n_jobs=1,
    verbose=2,
)
search.fit(X_train, y_train)

results = pd.DataFrame(search.cv_results_)
cols = ["params", "mean_test_auc", "std_test_auc", "mean_test_ap"]
print(results.sort_values("rank_test_auc")[cols].head(10).to_string())

best = search.best_estimator_
proba = best.predict_proba(X_test)[:, 1]

train_cut = np.quantile(search.predict_proba(X_train)[:, 1], 1 - y_train.mean())
dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)

report = {
    "best_params": search.best_params_,
    "cv_auc": float(search.best_score_),
    "test_auc": roc_auc_score(y_test, proba),
    "test_ap": average_precision_score(y_test, proba),
    "test_f1_at_base_rate_cut": f1_score(y_test, (proba >= train_cut).astype(int)),
    "dummy_ap": average_precision_score(y_test, dummy.predict_proba(X_test)[:, 1]),
}
REPORT.parent.mkdir(parents=True, exist_ok=True)
REPORT.write_text(json.dumps(report, indent=2, default=float))
print(json.dumps(report, indent=2, default=float))
