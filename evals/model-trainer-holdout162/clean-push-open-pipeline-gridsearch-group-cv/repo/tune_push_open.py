"""Logistic-regression push-open model, tuned with grouped CV on the training users."""
import json

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupShuffleSplit, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 20240501
NUM = ["local_hour", "minutes_since_last_session", "sessions_7d", "opens_7d", "sends_7d",
       "days_since_install", "avg_session_min_30d"]
CAT = ["platform", "push_type", "locale", "app_version_major"]
LABEL = "opened_1h"

sends = pd.read_parquet("data/push_sends.parquet")
sends["app_version_major"] = sends["app_version"].str.split(".").str[0]

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_idx, te_idx = next(outer.split(sends, groups=sends["user_id"]))
train, test = sends.iloc[tr_idx], sends.iloc[te_idx]

preprocess = ColumnTransformer([
    ("num", Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ]), NUM),
    ("cat", Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=50)),
    ]), CAT),
])
pipe = Pipeline([
    ("prep", preprocess),
    ("clf", LogisticRegression(max_iter=3000, solver="saga", random_state=SEED)),
])

grid = GridSearchCV(
    pipe,
    param_grid={
        "clf__C": [0.01, 0.03, 0.1, 0.3, 1.0],
        "clf__penalty": ["l1", "l2"],
        "clf__class_weight": [None, "balanced"],
    },
    scoring="average_precision",
    cv=StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED),
    n_jobs=-1,
    refit=True,
)
grid.fit(train[NUM + CAT], train[LABEL], groups=train["user_id"])
print("best params:", grid.best_params_)
print(f"cv PR AUC: {grid.best_score_:.4f}")

p_test = grid.predict_proba(test[NUM + CAT])[:, 1]
report = {
    "best_params": grid.best_params_,
    "cv_pr_auc": grid.best_score_,
    "test_pr_auc": average_precision_score(test[LABEL], p_test),
    "test_roc_auc": roc_auc_score(test[LABEL], p_test),
    "test_base_rate": float(test[LABEL].mean()),
}
print(json.dumps(report, indent=2))
joblib.dump(grid.best_estimator_, "push_open_lr.joblib")
