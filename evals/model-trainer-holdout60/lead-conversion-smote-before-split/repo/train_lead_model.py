"""B2B trial-to-paid conversion model.

Only ~3% of trials convert, so the minority class is oversampled with SMOTE
before training the gradient boosting model.
"""
import argparse
import json
import logging

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("lead_model")

SEED = 1234
NUMERIC = [
    "seats_requested", "n_logins_trial", "n_projects_created", "n_invites_sent",
    "n_integrations", "days_active_trial", "support_chats", "pricing_page_views",
    "docs_page_views", "employee_count",
]
CATEGORICAL = ["signup_source", "industry", "plan_tier", "billing_country"]


def build_features(trials: pd.DataFrame) -> pd.DataFrame:
    X = trials[NUMERIC].fillna(0).astype(float)
    X["log_employees"] = np.log1p(X["employee_count"])
    X["invites_per_seat"] = X["n_invites_sent"] / X["seats_requested"].clip(lower=1)
    X["activity_ratio"] = X["days_active_trial"] / trials["trial_length_days"].clip(lower=1)
    cats = pd.get_dummies(trials[CATEGORICAL].fillna("missing"), dtype=np.uint8)
    return pd.concat([X, cats], axis=1)


def main(args):
    trials = pd.read_parquet(args.data)
    trials = trials[trials["trial_end"] < args.label_cutoff]
    y = trials["converted"].astype(int).to_numpy()
    X = build_features(trials)
    log.info("trials=%d conversion_rate=%.4f features=%d", len(X), y.mean(), X.shape[1])

    smote = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=SEED)
    X_bal, y_bal = smote.fit_resample(X, y)
    log.info("after SMOTE: %d rows, positive share %.3f", len(X_bal), y_bal.mean())

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED
    )

    model = lgb.LGBMClassifier(
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=30,
        colsample_bytree=0.8,
        subsample=0.8,
        subsample_freq=1,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(X_train, y_train)
    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "dummy_pr_auc": average_precision_score(y_test, dummy.predict_proba(X_test)[:, 1]),
    }
    log.info("metrics: %s", json.dumps(metrics))
    print(classification_report(y_test, model.predict(X_test), digits=3))

    joblib.dump({"model": model, "columns": list(X.columns)}, args.model_out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/trials.parquet")
    p.add_argument("--label-cutoff", default="2024-06-01")
    p.add_argument("--model-out", default="models/lead_lgbm.joblib")
    main(p.parse_args())
