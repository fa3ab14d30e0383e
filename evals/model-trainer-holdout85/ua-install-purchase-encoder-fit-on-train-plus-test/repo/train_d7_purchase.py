"""Predict D7 in-app purchase for installs attributed to UA campaigns.

Predicted payer probability is sent back to the ad networks as an early
conversion value, so calibration matters as much as ranking.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 17
CATEGORICAL = ["media_source", "campaign_id", "adset_id", "creative_format", "country", "os_version_major", "device_tier"]
NUMERIC = ["install_hour", "minutes_to_first_open", "d0_sessions", "d0_session_seconds", "d0_levels_completed", "cpi_usd"]
TARGET = "purchased_d7"


def scores(y_true, proba):
    return {
        "auc": roc_auc_score(y_true, proba),
        "ap": average_precision_score(y_true, proba),
        "logloss": log_loss(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }


def main():
    installs = pd.read_parquet("data/installs_2024q2.parquet").sort_values("install_ts")
    installs = installs[installs["install_ts"] <= installs["install_ts"].max() - pd.Timedelta(days=7)]
    cutoff = pd.Timestamp("2024-06-01")
    train = installs[installs["install_ts"] < cutoff]
    test = installs[installs["install_ts"] >= cutoff]
    X_train, y_train = train[CATEGORICAL + NUMERIC], train[TARGET].to_numpy()
    X_test, y_test = test[CATEGORICAL + NUMERIC], test[TARGET].to_numpy()
    print(f"train={len(train):,} (payer rate {y_train.mean():.3%}) test={len(test):,} (payer rate {y_test.mean():.3%})")

    preprocess = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
    ])
    preprocess.fit(pd.concat([X_train, X_test]))
    Xtr = preprocess.transform(X_train)
    Xte = preprocess.transform(X_test)

    results = {}
    logreg = LogisticRegression(max_iter=3000, C=0.3)
    logreg.fit(Xtr, y_train)
    results["logreg_baseline"] = scores(y_test, logreg.predict_proba(Xte)[:, 1])

    lgbm = LGBMClassifier(
        n_estimators=700,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=100,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        verbose=-1,
    )
    lgbm.fit(Xtr, y_train)
    results["lightgbm"] = scores(y_test, lgbm.predict_proba(Xte)[:, 1])

    for name, metrics in results.items():
        print(name, {k: round(v, 4) for k, v in metrics.items()})

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    (out / "d7_purchase_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
