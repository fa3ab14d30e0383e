"""KYC periodic-review model: predict which customers the EDD review will escalate.

Data: 2023 KYC refresh population, one row per customer, outcome from the EDD team.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 404
OUT = Path("artifacts")
CAT = ["nationality", "residence_country", "occupation", "source_of_wealth", "onboarding_channel",
       "product_bundle"]
NUM = ["age", "tenure_years", "declared_income", "n_accounts", "avg_balance_12m",
       "cash_in_12m", "intl_wires_12m", "n_high_risk_countries_12m", "pep_score", "adverse_media_score",
       "n_address_changes_3y", "n_prior_reviews"]
TARGET = "edd_escalated"
MIN_COUNT = 30


def collapse_rare(train, others, cols, min_count):
    """Map categories seen fewer than min_count times in train to 'OTHER'."""
    train, others = train.copy(), [o.copy() for o in others]
    for c in cols:
        keep = set(train[c].value_counts()[lambda s: s >= min_count].index)
        for frame in [train, *others]:
            frame[c] = frame[c].where(frame[c].isin(keep), "OTHER")
    return train, others


df = pd.read_csv("data/kyc_refresh_2023.csv")
df[CAT] = df[CAT].fillna("UNKNOWN").astype(str)
df["log_income"] = np.log1p(df["declared_income"])
df["cash_to_income"] = df["cash_in_12m"] / (df["declared_income"] + 1)
NUM = NUM + ["log_income", "cash_to_income"]

trval, test = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)
train, valid = train_test_split(trval, test_size=0.2, stratify=trval[TARGET], random_state=SEED)
train, (valid, test) = collapse_rare(train, [valid, test], CAT, MIN_COUNT)

model = CatBoostClassifier(
    iterations=4000,
    learning_rate=0.03,
    depth=6,
    l2_leaf_reg=3,
    eval_metric="PRAUC",
    auto_class_weights="Balanced",
    early_stopping_rounds=200,
    random_seed=SEED,
    verbose=250,
)
model.fit(
    train[CAT + NUM], train[TARGET],
    cat_features=CAT,
    eval_set=(valid[CAT + NUM], valid[TARGET]),
    use_best_model=True,
)

p_test = model.predict_proba(test[CAT + NUM])[:, 1]
metrics = {
    "best_iteration": int(model.get_best_iteration()),
    "valid_prauc": float(model.get_best_score()["validation"]["PRAUC"]),
    "test_pr_auc": float(average_precision_score(test[TARGET], p_test)),
    "test_roc_auc": float(roc_auc_score(test[TARGET], p_test)),
}
print(json.dumps(metrics, indent=2))

OUT.mkdir(exist_ok=True)
model.save_model(str(OUT / "kyc_refresh_cb.cbm"))
(OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
