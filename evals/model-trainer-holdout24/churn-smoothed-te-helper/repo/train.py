"""Train the 60-day churn propensity model on the latest monthly feature snapshot."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from src.churn.config import CFG
from src.churn.features import add_target_encodings, add_tenure_bucket, add_usage_ratios, model_columns

log = logging.getLogger("churn.train")


def load_snapshot(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    latest = df["snapshot_date"].max()
    log.info("using snapshot %s", latest)
    return df[df["snapshot_date"] == latest].reset_index(drop=True)


def score(name, model, X, y):
    p = model.predict_proba(X)[:, 1]
    res = {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
    }
    log.info("%-10s %s", name, json.dumps({k: round(v, 4) for k, v in res.items()}))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshot", default="data/churn_features.parquet")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    subs = load_snapshot(args.snapshot)
    subs = add_tenure_bucket(subs)
    subs = add_usage_ratios(subs)
    subs = add_target_encodings(subs, CFG["high_card_cols"], target=CFG["target"])

    cols = model_columns(CFG)
    X_fit, X_hold, y_fit, y_hold = train_test_split(
        subs[cols],
        subs[CFG["target"]],
        test_size=0.2,
        stratify=subs[CFG["target"]],
        random_state=CFG["seed"],
    )
    log.info("train=%d holdout=%d churn_rate=%.3f", len(X_fit), len(X_hold), y_fit.mean())

    prior = DummyClassifier(strategy="prior").fit(X_fit, y_fit)
    logit = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000)).fit(X_fit, y_fit)
    gbm = HistGradientBoostingClassifier(**CFG["gbm"], early_stopping=False, random_state=CFG["seed"])
    gbm.fit(X_fit, y_fit)

    report = {name: score(name, m, X_hold, y_hold) for name, m in [("prior", prior), ("logit", logit), ("gbm", gbm)]}

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(gbm, out / "churn_gbm.joblib")
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
