import json
import logging

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from iotguard import config
from iotguard.data import load_days
from iotguard.modeling import calibrate_on, fit_booster, threshold_at_precision

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("iotguard")


def main():
    np.random.seed(config.SEED)
    X_fit, y_fit = load_days(config.FIT_DAYS)
    X_cal_all, y_cal_all = load_days(config.CAL_DAYS)
    X_test, y_test = load_days(config.TEST_DAYS)

    # day 4 is halved: one half for early stopping, the other for calibration + threshold
    X_es, X_cal, y_es, y_cal = train_test_split(X_cal_all, y_cal_all, test_size=0.5, stratify=y_cal_all,
                                                random_state=config.SEED)
    booster = fit_booster(X_fit, y_fit, X_es, y_es)
    calibrated = calibrate_on(booster, X_cal, y_cal)
    tau = threshold_at_precision(y_cal, calibrated.predict_proba(X_cal)[:, 1], config.TARGET_PRECISION)

    ref = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(X_fit, y_fit)
    ref_tau = threshold_at_precision(y_cal, ref.predict_proba(X_cal)[:, 1], config.TARGET_PRECISION)

    out = {}
    for name, model, th in [("lgbm_calibrated", calibrated, tau), ("logreg", ref, ref_tau)]:
        p = model.predict_proba(X_test)[:, 1]
        hit = (p >= th).astype(int)
        out[name] = {"pr_auc": average_precision_score(y_test, p), "brier": brier_score_loss(y_test, p),
                     "precision": precision_score(y_test, hit), "recall": recall_score(y_test, hit), "tau": th}
    log.info(json.dumps(out, indent=2))
    joblib.dump({"model": calibrated, "tau": tau}, "artifacts/iotguard.joblib")


if __name__ == "__main__":
    main()
