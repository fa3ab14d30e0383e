"""Pet-insurance: will a policy file a vet-fee claim in its first 12 months?

Policies written in 2021-2022 are used for development, policies written in 2023 are the holdout.
"""
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score, precision_recall_curve
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("claims")

RANDOM_STATE = 17
NUMERIC = ["pet_age_months", "annual_premium", "excess", "owner_age", "vet_visits_prior_year", "weight_kg"]
CATEGORICAL = ["species", "breed_group", "postcode_area", "cover_level", "neutered"]
TARGET = "claimed_12m"

policies = pd.read_csv("data/policies_2021_2022.csv")
holdout = pd.read_csv("data/policies_2023.csv")
log.info("dev %s holdout %s positive rate %.3f", policies.shape, holdout.shape, policies[TARGET].mean())

dev, val = train_test_split(policies, test_size=0.2, stratify=policies[TARGET], random_state=RANDOM_STATE)
dev, val = dev.copy(), val.copy()

imputer = SimpleImputer(strategy="median")
for frame in (dev, val, holdout):
    frame[NUMERIC] = imputer.fit_transform(frame[NUMERIC])
    frame[CATEGORICAL] = frame[CATEGORICAL].fillna("missing").astype(str)

dev_X, dev_y = dev[NUMERIC + CATEGORICAL], dev[TARGET]
val_X, val_y = val[NUMERIC + CATEGORICAL], val[TARGET]

model = CatBoostClassifier(
    iterations=3000, learning_rate=0.04, depth=6, l2_leaf_reg=5,
    eval_metric="PRAUC", random_seed=RANDOM_STATE, od_type="Iter", od_wait=150, verbose=300,
)
model.fit(dev_X, dev_y, cat_features=CATEGORICAL, eval_set=(val_X, val_y), use_best_model=True)

# simple comparison point: logistic regression on the numeric columns only
logit = LogisticRegression(max_iter=1000, class_weight="balanced").fit(dev_X[NUMERIC], dev_y)

val_prob = model.predict_proba(val_X)[:, 1]
prec, rec, thr = precision_recall_curve(val_y, val_prob)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[f1.argmax()])
log.info("threshold picked on validation: %.3f", threshold)

hold_X, hold_y = holdout[NUMERIC + CATEGORICAL], holdout[TARGET]
hold_prob = model.predict_proba(hold_X)[:, 1]
print(f"holdout ROC AUC  {roc_auc_score(hold_y, hold_prob):.4f}")
print(f"holdout PR AUC   {average_precision_score(hold_y, hold_prob):.4f}")
print(f"holdout F1@thr   {f1_score(hold_y, hold_prob >= threshold):.4f}")
print(f"logit PR AUC     {average_precision_score(hold_y, logit.predict_proba(hold_X[NUMERIC])[:, 1]):.4f}")
model.save_model("models/claims_cb.cbm")
