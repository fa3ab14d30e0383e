"""Click model for the news-feed bandit.

Predicts P(click | user context, article arm) from logged impressions of the
epsilon-greedy logging policy. The model is plugged into the greedy arm scorer
and into the DR estimator for candidate policies.
"""
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 2024
DATA_DIR = os.environ.get("BANDIT_DATA_DIR", "data")
CONTEXT_COLS = ["age_bucket", "n_sessions_7d", "avg_dwell_s", "is_subscriber", "hour"]
ARM_COLS = ["article_age_h", "article_len_words", "category_id"]


def load_impressions():
    imps = pd.read_parquet(os.path.join(DATA_DIR, "feed_impressions.parquet"))
    arms = pd.read_parquet(os.path.join(DATA_DIR, "articles.parquet"))
    imps = imps.merge(arms, on="article_id", how="left")
    imps = imps.dropna(subset=["clicked"])
    imps["clicked"] = imps["clicked"].astype(int)
    return imps


def add_engagement_features(df):
    df = df.copy()
    df["arm_ctr"] = df.groupby("article_id")["clicked"].transform("mean")
    df["user_ctr"] = df.groupby("user_id")["clicked"].transform("mean")
    df["user_impressions"] = df.groupby("user_id")["article_id"].transform("size")
    df["category_share"] = (
        df.groupby(["user_id", "category_id"])["article_id"].transform("size")
        / df["user_impressions"]
    )
    return df


def main():
    np.random.seed(SEED)
    imps = load_impressions()
    print(f"impressions={len(imps):,}  users={imps['user_id'].nunique():,}  "
          f"ctr={imps['clicked'].mean():.4f}")

    imps = add_engagement_features(imps)
    feature_cols = CONTEXT_COLS + ARM_COLS + [
        "arm_ctr", "user_ctr", "user_impressions", "category_share"
    ]
    X = imps[feature_cols]
    y = imps["clicked"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.1, stratify=y_train, random_state=SEED
    )

    model = xgb.XGBClassifier(
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="logloss",
        early_stopping_rounds=50,
        random_state=SEED,
        n_jobs=8,
    )
    model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=200)

    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    report = {}
    for name, p in {
        "prior": prior.predict_proba(X_test)[:, 1],
        "xgb": model.predict_proba(X_test)[:, 1],
    }.items():
        report[name] = {
            "roc_auc": roc_auc_score(y_test, p),
            "pr_auc": average_precision_score(y_test, p),
            "log_loss": log_loss(y_test, p),
        }
        print(name, {k: round(v, 4) for k, v in report[name].items()})

    model.save_model("click_model.json")
    with open("click_model_metrics.json", "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
