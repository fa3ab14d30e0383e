"""Train the application scorecard (logistic regression) and report holdout metrics."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from src.scorecard import build_design_matrix

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("scorecard")

SEED = 20240611


def ks_statistic(y_true, scores):
    order = np.argsort(scores)
    y = np.asarray(y_true)[order]
    cum_bad = np.cumsum(y) / max(y.sum(), 1)
    cum_good = np.cumsum(1 - y) / max((1 - y).sum(), 1)
    return float(np.max(np.abs(cum_bad - cum_good)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/applications.parquet")
    parser.add_argument("--out", default="artifacts")
    parser.add_argument("--C", type=float, default=0.5)
    args = parser.parse_args()

    apps = pd.read_parquet(args.data)
    apps = apps.drop_duplicates("application_id")
    y = apps["defaulted_12m"].astype(int).to_numpy()
    log.info("loaded %d applications, default rate %.3f", len(apps), y.mean())

    X, feature_names = build_design_matrix(apps)

    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    baseline = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
    model.fit(X_dev, y_dev)

    report = {}
    for name, est in [("prior_baseline", baseline), ("logreg", model)]:
        p = est.predict_proba(X_hold)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(y_hold, p),
            "avg_precision": average_precision_score(y_hold, p),
            "brier": brier_score_loss(y_hold, p),
            "ks": ks_statistic(y_hold, p),
        }
        log.info("%s: %s", name, report[name])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "features": feature_names}, out / "scorecard.joblib")
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
