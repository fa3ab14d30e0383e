"""Who buys the $4.99 starter bundle when it's shown?

Rows: players who saw the starter-bundle popup (one impression per player),
June 2024. Label: bought within the popup session. ~4% positive.
"""
import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 404

NUMERIC = [
    "level_at_impression", "sessions_before", "minutes_played_before",
    "soft_currency_balance", "hard_currency_balance", "failed_levels_last_24h",
    "boosters_used_before", "days_since_install", "ads_watched_before",
]
CATEGORICAL = ["platform", "country_tier", "device_price_bucket"]
LABEL = "bought_bundle"

df = pd.read_parquet("data/starter_bundle_impressions_2024_06.parquet")
df[NUMERIC] = np.log1p(df[NUMERIC].clip(lower=0))

X_train, X_test, y_train, y_test = train_test_split(
    df[NUMERIC + CATEGORICAL], df[LABEL], test_size=0.2, stratify=df[LABEL], random_state=SEED
)

pre = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
])
pipe = Pipeline([
    ("pre", pre),
    ("smote", SMOTE(random_state=SEED)),
    ("clf", LogisticRegression(max_iter=3000, random_state=SEED)),
])

grid = GridSearchCV(
    pipe,
    param_grid={
        "smote__sampling_strategy": [0.1, 0.25, 0.5],
        "clf__C": [0.01, 0.1, 1.0],
    },
    scoring="average_precision",
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    n_jobs=-1,
)
grid.fit(X_train, y_train)
print("best params:", grid.best_params_)
print("cv PR AUC   :", round(grid.best_score_, 4))

p_test = grid.best_estimator_.predict_proba(X_test)[:, 1]
print("test PR AUC :", round(average_precision_score(y_test, p_test), 4))
print("test ROC AUC:", round(roc_auc_score(y_test, p_test), 4))
print("base rate   :", round(y_test.mean(), 4))

joblib.dump(grid.best_estimator_, "artifacts/starter_bundle_lr.joblib")
