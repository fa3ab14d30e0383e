"""Tune the push-notification recommendation CTR model.

Rows are (user, recommended article) pushes over 7 days. Days 1-6: tuning with time-ordered CV,
day 7: final test. High-cardinality ids are target-encoded inside the pipeline.

    python tune_ctr.py --data data/push_sends_7d.parquet --out artifacts/push_ctr
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, TargetEncoder
from xgboost import XGBClassifier

SEED = 5
HIGH_CARD = ["article_id", "publisher_id", "topic_id"]
LOW_CARD = ["send_hour", "platform", "user_tenure_bucket", "push_template"]
NUMERIC = ["article_age_min", "user_opens_prev14d", "user_pushes_prev14d", "title_len"]


def build_pipeline():
    pre = ColumnTransformer([
        ("te", TargetEncoder(target_type="binary", random_state=SEED), HIGH_CARD),
        ("oh", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=200), LOW_CARD),
        ("num", "passthrough", NUMERIC),
    ])
    clf = XGBClassifier(
        n_estimators=400,
        tree_method="hist",
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="logloss",
        random_state=SEED,
        n_jobs=8,
    )
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/push_sends_7d.parquet")
    ap.add_argument("--out", default="artifacts/push_ctr")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df["sent_at"] = pd.to_datetime(df["sent_at"])
    df = df.sort_values("sent_at").reset_index(drop=True)
    df[HIGH_CARD + LOW_CARD] = df[HIGH_CARD + LOW_CARD].astype(str)

    last_day = df["sent_at"].dt.normalize().max()
    dev, test = df[df["sent_at"] < last_day], df[df["sent_at"] >= last_day]
    X_dev, y_dev = dev[HIGH_CARD + LOW_CARD + NUMERIC], dev["opened"]
    X_test, y_test = test[HIGH_CARD + LOW_CARD + NUMERIC], test["opened"]
    print(f"dev {len(dev):,} rows ({y_dev.mean():.4f}) | test {len(test):,} rows ({y_test.mean():.4f})")

    grid = {
        "clf__max_depth": [4, 6, 8],
        "clf__learning_rate": [0.03, 0.1],
        "clf__min_child_weight": [1, 10],
        "pre__te__smooth": ["auto", 50.0],
    }
    search = GridSearchCV(
        build_pipeline(), grid, scoring="neg_log_loss", cv=TimeSeriesSplit(n_splits=4), n_jobs=1, verbose=1
    )
    search.fit(X_dev, y_dev)
    print("best params:", search.best_params_, "cv logloss:", -search.best_score_)

    p = search.best_estimator_.predict_proba(X_test)[:, 1]
    metrics = {
        "best_params": search.best_params_,
        "cv_logloss": -search.best_score_,
        "test_logloss": log_loss(y_test, p),
        "test_auc": roc_auc_score(y_test, p),
        "test_pr_auc": average_precision_score(y_test, p),
    }
    print(json.dumps(metrics, indent=2, default=str))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "pipeline.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, default=str))


if __name__ == "__main__":
    main()
