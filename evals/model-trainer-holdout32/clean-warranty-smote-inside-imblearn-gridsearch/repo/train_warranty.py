"""
Warranty-claim fraud: GridSearch over an imblearn pipeline (preprocess -> SMOTE -> LightGBM).

The preprocessing objects and the sampler are *declared* up front, but nothing is fit until
GridSearchCV.fit(X_train, ...): imblearn's Pipeline applies SMOTE only to the training folds.
"""
import logging
import sqlite3
from contextlib import closing

import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTENC
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder, StandardScaler

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("warranty")

RS = 77
DB_PATH = "data/warranty.sqlite"
NUM = ["claim_amount", "product_age_days", "n_prev_claims", "dealer_claim_rate_prev_year", "repair_hours"]
CAT = ["product_line", "dealer_region", "failure_code"]

# ---------------------------------------------------------------- declare (not fit) the pieces
numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
categorical = Pipeline([("impute", SimpleImputer(strategy="constant", fill_value="missing")),
                        ("enc", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1))])
prep = ColumnTransformer([("num", numeric, NUM), ("cat", categorical, CAT)])
cat_idx = list(range(len(NUM), len(NUM) + len(CAT)))     # positions after the ColumnTransformer
smote = SMOTENC(categorical_features=cat_idx, sampling_strategy=0.25, k_neighbors=5, random_state=RS)
gbm = lgb.LGBMClassifier(n_estimators=400, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                         random_state=RS, verbose=-1)
pipe = ImbPipeline([("prep", prep), ("smote", smote), ("clf", gbm)])

grid = {
    "smote__sampling_strategy": [0.1, 0.25, 0.5],
    "clf__num_leaves": [15, 31, 63],
    "clf__learning_rate": [0.03, 0.1],
}

# ---------------------------------------------------------------- data
with closing(sqlite3.connect(DB_PATH)) as con:
    claims = pd.read_sql_query("SELECT * FROM claims_labelled", con)
log.info("%d claims, fraud rate %.4f", len(claims), claims["is_fraud"].mean())

X = claims[NUM + CAT]
y = claims["is_fraud"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=RS)

# ---------------------------------------------------------------- search (train only)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=RS)
search = GridSearchCV(pipe, grid, scoring="average_precision", cv=cv, n_jobs=-1, refit=True)
search.fit(X_train, y_train)
log.info("best %s  cv AP %.4f", search.best_params_, search.best_score_)

# baselines under the same CV
for name, est in [("prior", DummyClassifier(strategy="prior")),
                  ("logreg", LogisticRegression(max_iter=4000, class_weight="balanced"))]:
    res = cross_validate(Pipeline([("prep", prep), ("clf", est)]), X_train, y_train, cv=cv,
                         scoring=["average_precision", "roc_auc"])
    log.info("%-7s cv AP %.4f  AUC %.4f", name, res["test_average_precision"].mean(), res["test_roc_auc"].mean())

# ---------------------------------------------------------------- test, once
p = search.predict_proba(X_test)[:, 1]
print({"test_ap": round(average_precision_score(y_test, p), 4),
       "test_auc": round(roc_auc_score(y_test, p), 4),
       "test_brier": round(brier_score_loss(y_test, p), 4),
       "test_prevalence": round(float(y_test.mean()), 4)})
