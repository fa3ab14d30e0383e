import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import accuracy_score, roc_auc_score

from features import CONTEXT_TYPES, build_features

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("skip")


def main(cfg_path="config.yaml"):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)

    sessions = pd.read_parquet(cfg["data"]["sessions"])
    tracks = pd.read_parquet(cfg["data"]["tracks"])
    sessions["date"] = pd.to_datetime(sessions["date"])
    log.info("loaded %d rows, %d sessions", len(sessions), sessions["session_id"].nunique())

    df = build_features(sessions, tracks, prior_weight=cfg["features"]["prior_weight"])

    feature_cols = (
        cfg["features"]["numeric"]
        + ["is_shuffle", "premium", "position_frac", "log_duration", "track_skip_rate", "track_play_count"]
        + [f"ctx_{c}" for c in CONTEXT_TYPES]
    )

    # out-of-time evaluation: last week of July is held out
    cutoff = pd.Timestamp(cfg["split"]["test_start_date"])
    train = df[df["date"] < cutoff]
    test = df[df["date"] >= cutoff]
    log.info("train %d rows / test %d rows", len(train), len(test))

    m = cfg["model"]
    clf = lgb.LGBMClassifier(
        n_estimators=m["n_estimators"],
        learning_rate=m["learning_rate"],
        num_leaves=m["num_leaves"],
        min_child_samples=m["min_child_samples"],
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=m["seed"],
    )
    clf.fit(train[feature_cols], train["skip_2"].astype(int))

    proba = clf.predict_proba(test[feature_cols])[:, 1]
    auc = roc_auc_score(test["skip_2"].astype(int), proba)
    acc = accuracy_score(test["skip_2"].astype(int), (proba >= 0.5).astype(int))
    base = max(test["skip_2"].mean(), 1 - test["skip_2"].mean())
    log.info("test AUC %.4f | acc %.4f (majority baseline %.4f)", auc, acc, base)

    imp = pd.Series(clf.feature_importances_, index=feature_cols).sort_values(ascending=False)
    log.info("top features:\n%s", imp.head(10).to_string())
    clf.booster_.save_model("skip_lgbm.txt")
    return auc


if __name__ == "__main__":
    main()
