"""Fit on the fit split, calibrate and pick the alert threshold on the calibration split, test once.

    python scripts/fit_calibrate_test.py --encounters data/encounters.parquet --recall 0.7
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import (average_precision_score, brier_score_loss, log_loss, precision_score, recall_score,
                             roc_auc_score)

from readmit.models import CAT, NUM, gbm, logistic
from readmit.splits import patient_splits
from readmit.thresholds import threshold_at_recall

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("readmit")
TARGET = "readmit_30d"


def scores(y, p, thr) -> dict:
    hard = (p >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "brier": brier_score_loss(y, p),
            "log_loss": log_loss(y, p), "recall": recall_score(y, hard), "precision": precision_score(y, hard),
            "threshold": thr}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encounters", default="data/encounters.parquet")
    ap.add_argument("--recall", type=float, default=0.7)
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(args.encounters)
    fit_df, cal_df, test_df = patient_splits(df, TARGET)
    log.info("fit=%d cal=%d test=%d", len(fit_df), len(cal_df), len(test_df))
    cols = NUM + CAT

    results = {}
    for name, make in [("logistic", logistic), ("gbm", gbm)]:
        base = make().fit(fit_df[cols], fit_df[TARGET])
        calibrated = CalibratedClassifierCV(base, method="sigmoid", cv="prefit")
        calibrated.fit(cal_df[cols], cal_df[TARGET])
        thr = threshold_at_recall(cal_df[TARGET], calibrated.predict_proba(cal_df[cols])[:, 1], args.recall)
        p_test = calibrated.predict_proba(test_df[cols])[:, 1]
        results[name] = scores(test_df[TARGET], p_test, thr)
        joblib.dump({"model": calibrated, "threshold": thr}, Path(args.out) / f"{name}_calibrated.joblib")
        log.info("%s test %s", name, results[name])
    results["prevalence_test"] = float(test_df[TARGET].mean())
    (Path(args.out) / "test_results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
