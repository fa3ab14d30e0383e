"""Sponsored-listing CTR model (XGBoost) trained on the daily impression feature export.

Clicks are ~2% of impressions, so the minority class is synthesised with SMOTE
before training.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from imblearn.over_sampling import SMOTE
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 13
DATA = Path("exports/sponsored_impressions_features.parquet")
OUT = Path("models/sponsored_ctr")

NUMERIC = [
    "position", "bid_cpc", "listing_quality", "listing_price", "price_vs_category_median",
    "seller_rating", "user_sessions_30d", "user_ctr_30d", "query_listing_bm25", "hour",
]
CATEGORICAL = ["device", "surface", "category_l1"]


def build_matrix(df):
    dummies = pd.get_dummies(df[CATEGORICAL], prefix=CATEGORICAL, dtype=np.float32)
    X = pd.concat([df[NUMERIC].astype(np.float32), dummies], axis=1)
    X = X.fillna(-1.0)
    return X


def main():
    df = pd.read_parquet(DATA)
    print(f"rows={len(df):,} click rate={df['clicked'].mean():.4f}")
    X = build_matrix(df)
    y = df["clicked"].to_numpy()

    X_res, y_res = SMOTE(sampling_strategy=0.25, k_neighbors=5, random_state=SEED).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.2, stratify=y_res, random_state=SEED
    )
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
    )

    model = xgb.XGBClassifier(
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=8,
        min_child_weight=5,
        subsample=0.8,
        colsample_bytree=0.8,
        tree_method="hist",
        eval_metric="aucpr",
        early_stopping_rounds=100,
        random_state=SEED,
    )
    model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=200)

    p_test = model.predict_proba(X_test)[:, 1]
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    p_prior = prior.predict_proba(X_test)[:, 1]
    metrics = {
        "auc": roc_auc_score(y_test, p_test),
        "pr_auc": average_precision_score(y_test, p_test),
        "logloss": log_loss(y_test, p_test),
        "baseline_pr_auc": average_precision_score(y_test, p_prior),
        "baseline_logloss": log_loss(y_test, p_prior),
        "position_only_auc": roc_auc_score(y_test, -X_test["position"]),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(metrics, indent=2))

    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(OUT / "model.json")
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
    (OUT / "features.json").write_text(json.dumps(list(X.columns)))


if __name__ == "__main__":
    main()
