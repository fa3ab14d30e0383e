"""Application scorecard for indirect auto loans: WoE + logistic regression."""
import argparse
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

from src.scoring.report import scorecard_metrics
from src.scoring.woe import WoEEncoder

log = logging.getLogger("auto_scorecard")

CHARACTERISTICS = ["bureau_score", "ltv", "pti", "dti", "vehicle_age", "term_months", "down_payment_pct",
                   "months_at_address", "employment_type", "dealer_tier", "prior_auto_loans"]
BAD = "bad_flag_18m"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", default="data/auto_applications_booked.parquet")
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--out", default="artifacts/auto_scorecard.joblib")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    apps = pd.read_parquet(args.apps)
    dev, holdout = train_test_split(apps, test_size=0.25, stratify=apps[BAD], random_state=args.seed)
    log.info("dev=%d holdout=%d dev bad rate=%.4f", len(dev), len(holdout), dev[BAD].mean())

    # WoE bins/values are re-learned inside every CV fold because the encoder is a pipeline step
    pipe = Pipeline([("woe", WoEEncoder()), ("lr", LogisticRegression(max_iter=2000, solver="lbfgs"))])
    search = GridSearchCV(
        pipe,
        {"woe__numeric_bins": [5, 8, 12], "lr__C": [0.05, 0.2, 1.0]},
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed),
        n_jobs=-1,
    )
    search.fit(dev[CHARACTERISTICS], dev[BAD])
    log.info("best %s (cv auc %.4f)", search.best_params_, search.best_score_)

    bureau_only = Pipeline([("woe", WoEEncoder(numeric_bins=10)), ("lr", LogisticRegression(max_iter=1000))])
    bureau_only.fit(dev[["bureau_score"]], dev[BAD])
    prior = DummyClassifier(strategy="prior").fit(dev[CHARACTERISTICS], dev[BAD])

    y_hold = holdout[BAD]
    log.info("holdout scorecard   %s", scorecard_metrics(y_hold, search.predict_proba(holdout[CHARACTERISTICS])[:, 1]))
    log.info("holdout bureau-only %s", scorecard_metrics(y_hold, bureau_only.predict_proba(holdout[["bureau_score"]])[:, 1]))
    log.info("holdout prior       %s", scorecard_metrics(y_hold, prior.predict_proba(holdout[CHARACTERISTICS])[:, 1]))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, args.out)


if __name__ == "__main__":
    main()
