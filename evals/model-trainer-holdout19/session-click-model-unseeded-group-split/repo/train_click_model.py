"""Click-through model for the 'recommended for you' carousel, one row per impression."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from pipeline.features import FEATURES, session_features

SEED = 1234
log = logging.getLogger("ctr")


def position_prior(train_df, frame):
    ctr_by_pos = train_df.groupby("position")["clicked"].mean()
    return frame["position"].map(ctr_by_pos).fillna(train_df["clicked"].mean()).to_numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--impressions", default="data/carousel_impressions.parquet")
    ap.add_argument("--report", default="reports/ctr_metrics.json")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    np.random.seed(SEED)

    imps = session_features(pd.read_parquet(args.impressions))
    log.info("impressions=%d sessions=%d users=%d ctr=%.4f", len(imps), imps["session_id"].nunique(),
             imps["user_id"].nunique(), imps["clicked"].mean())

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2)
    train_idx, test_idx = next(gss.split(imps, imps["clicked"], groups=imps["user_id"]))
    train_df, test_df = imps.iloc[train_idx], imps.iloc[test_idx]

    clf = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=300, max_leaf_nodes=31, l2_regularization=1.0,
        early_stopping=False, random_state=SEED)
    clf.fit(train_df[FEATURES], train_df["clicked"])

    y = test_df["clicked"].to_numpy()
    scores = {"position_prior": position_prior(train_df, test_df),
              "hgb": clf.predict_proba(test_df[FEATURES])[:, 1]}
    report = {name: {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
                     "log_loss": log_loss(y, p)} for name, p in scores.items()}
    log.info(json.dumps(report, indent=2))
    with open(args.report, "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
