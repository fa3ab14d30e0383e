"""Landing-page experiment: which ad clicks convert to a sign-up?

Snapshot of one two-week flight. Users click several ads, so all clicks of a
user stay on the same side of every split.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 8
CATEGORICAL = ["landing_variant", "campaign_id", "ad_format", "device", "browser", "traffic_source"]
NUMERIC = ["page_load_ms", "ad_position", "clicks_before_today", "hour", "is_weekend"]


def grouped_holdout(frame, groups, n_splits, seed):
    """One stratified, user-grouped fold as holdout; the rest for fitting."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    fit_idx, hold_idx = next(sgkf.split(frame, frame["signed_up"], groups=groups))
    return frame.iloc[fit_idx], frame.iloc[hold_idx]


def main():
    clicks = pd.read_parquet("data/landing_flight_2024_05.parquet")
    clicks[CATEGORICAL] = clicks[CATEGORICAL].astype("category")

    dev, test = grouped_holdout(clicks, clicks["user_id"], n_splits=5, seed=SEED)
    train, valid = grouped_holdout(dev, dev["user_id"], n_splits=5, seed=SEED)
    assert not set(train["user_id"]) & set(test["user_id"])
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        print(f"{name}: {len(part):,} clicks, sign-up rate {part['signed_up'].mean():.4f}")

    features = CATEGORICAL + NUMERIC
    booster = lgb.LGBMClassifier(
        n_estimators=5000, learning_rate=0.03, num_leaves=31, min_child_samples=50,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
    )
    booster.fit(
        train[features], train["signed_up"],
        eval_set=[(valid[features], valid["signed_up"])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(200, verbose=False)],
    )

    baseline = make_pipeline(
        make_column_transformer(
            (OneHotEncoder(handle_unknown="ignore", min_frequency=30), CATEGORICAL),
            (StandardScaler(), NUMERIC),
        ),
        LogisticRegression(max_iter=2000),
    )
    baseline.fit(train[features], train["signed_up"])

    grid = np.linspace(0.02, 0.8, 79)
    results = {"best_iteration": int(booster.best_iteration_)}
    for name, model in [("logreg_baseline", baseline), ("lightgbm", booster)]:
        valid_proba = model.predict_proba(valid[features])[:, 1]
        f1_by_t = [f1_score(valid["signed_up"], valid_proba >= t) for t in grid]
        threshold = float(grid[int(np.argmax(f1_by_t))])
        proba = model.predict_proba(test[features])[:, 1]
        pred = proba >= threshold
        results[name] = {
            "threshold_from_valid": threshold,
            "roc_auc": roc_auc_score(test["signed_up"], proba),
            "pr_auc": average_precision_score(test["signed_up"], proba),
            "precision": precision_score(test["signed_up"], pred),
            "recall": recall_score(test["signed_up"], pred),
        }
    print(json.dumps(results, indent=2))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    booster.booster_.save_model(str(out / "landing_conversion.txt"))
    (out / "landing_conversion_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
