"""Annual-plan upsell propensity (monthly -> annual switch within 45 days of offer).

Positives are rare (~3%), so SMOTE is part of the modelling pipeline.
"""
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

SEED = 404
DATA = "data/monthly_plan_offers_2023.parquet"
TARGET = "switched_to_annual"
NUM = ["tenure_months", "monthly_price", "active_days_30d", "active_days_90d", "seats",
       "invoices_failed_12m", "price_sensitivity_score", "feature_adoption_pct",
       "months_on_current_plan", "support_tickets_90d"]
CAT = ["country", "plan", "company_size_band", "offer_variant"]

offers = pd.read_parquet(DATA)
offers = offers.drop_duplicates(["account_id", "offer_sent_at"]).sort_values("offer_sent_at")
offers = offers.drop_duplicates("account_id", keep="first")  # first offer per account
X, y = offers[NUM + CAT], offers[TARGET].astype(int)
print(f"{len(offers):,} accounts, positive rate {y.mean():.4f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

pre = ColumnTransformer([
    ("num", StandardScaler(), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT),
])
pipe = ImbPipeline([
    ("pre", pre),
    ("smote", SMOTE(random_state=SEED)),
    ("xgb", XGBClassifier(eval_metric="logloss", tree_method="hist", random_state=SEED, n_jobs=4)),
])

search = RandomizedSearchCV(
    pipe,
    param_distributions={
        "smote__sampling_strategy": [0.1, 0.2, 0.35],
        "smote__k_neighbors": randint(3, 10),
        "xgb__n_estimators": randint(200, 800),
        "xgb__max_depth": randint(3, 8),
        "xgb__learning_rate": loguniform(1e-2, 2e-1),
        "xgb__subsample": [0.7, 0.85, 1.0],
    },
    n_iter=30,
    scoring="average_precision",
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
    random_state=SEED,
    n_jobs=2,
    verbose=1,
)
search.fit(X_train, y_train)
print("best CV AP:", round(search.best_score_, 4))
print(search.best_params_)

proba = search.predict_proba(X_test)[:, 1]
k = int(0.05 * len(proba))
top = np.argsort(-proba)[:k]
result = {
    "test_pr_auc": float(average_precision_score(y_test, proba)),
    "test_roc_auc": float(roc_auc_score(y_test, proba)),
    "test_precision_top5pct": float(y_test.to_numpy()[top].mean()),
    "test_base_rate": float(y_test.mean()),
}
print(json.dumps(result, indent=2))
