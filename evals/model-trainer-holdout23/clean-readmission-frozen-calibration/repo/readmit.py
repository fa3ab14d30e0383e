"""30-day readmission risk (diabetes encounters, ~11% readmitted <30d).

60/20/20 split by patient: train (model), calibration (isotonic calibration + alert threshold),
test (touched once for the final numbers).
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, brier_score_loss, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.impute import SimpleImputer

logger = logging.getLogger("readmit")
CAT = ["race", "gender", "age", "admission_type_id", "discharge_disposition_id", "admission_source_id",
       "medical_specialty", "insulin", "change", "diabetesMed", "A1Cresult", "max_glu_serum"]
NUM = ["time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
       "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses"]


def group_split(X, y, groups, n_splits, seed):
    """One stratified fold of a patient-grouped split: returns (rest_idx, holdout_idx)."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(X, y, groups))


def pick_threshold(y_cal, p_cal, min_recall):
    """Largest threshold whose recall on the calibration split is >= min_recall."""
    for t in np.linspace(0.9, 0.01, 90):
        if recall_score(y_cal, p_cal >= t) >= min_recall:
            return float(t)
    return 0.01


def evaluate(y, p, threshold):
    yhat = (p >= threshold).astype(int)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p), "recall": recall_score(y, yhat),
            "precision": precision_score(y, yhat, zero_division=0)}


def main(a):
    enc = pd.read_csv(a.csv, na_values="?")
    enc = enc[~enc["discharge_disposition_id"].isin([11, 13, 14, 19, 20, 21])]  # expired / hospice
    y = (enc["readmitted"] == "<30").astype(int).to_numpy()
    X = enc[CAT + NUM]
    patients = enc["patient_nbr"].to_numpy()

    dev_idx, test_idx = group_split(X, y, patients, n_splits=5, seed=a.seed)
    tr_rel, cal_rel = group_split(X.iloc[dev_idx], y[dev_idx], patients[dev_idx], n_splits=4, seed=a.seed)
    tr_idx, cal_idx = dev_idx[tr_rel], dev_idx[cal_rel]
    logger.info("train=%d cal=%d test=%d", len(tr_idx), len(cal_idx), len(test_idx))

    hgb = Pipeline([
        ("prep", ColumnTransformer([
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                                   encoded_missing_value=np.nan), CAT),
            ("num", "passthrough", NUM),
        ])),
        ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=500, max_leaf_nodes=24,
                                               min_samples_leaf=80, l2_regularization=1.0,
                                               categorical_features=list(range(len(CAT))),
                                               early_stopping=True, validation_fraction=0.1,
                                               random_state=a.seed)),
    ]).fit(X.iloc[tr_idx], y[tr_idx])

    calibrated = CalibratedClassifierCV(FrozenEstimator(hgb), method="isotonic")
    calibrated.fit(X.iloc[cal_idx], y[cal_idx])
    threshold = pick_threshold(y[cal_idx], calibrated.predict_proba(X.iloc[cal_idx])[:, 1], a.min_recall)
    logger.info("alert threshold (cal split, recall>=%.2f): %.3f", a.min_recall, threshold)

    logreg = Pipeline([
        ("prep", ColumnTransformer([
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CAT),
            ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
        ])),
        ("clf", LogisticRegression(C=0.2, max_iter=3000)),
    ]).fit(X.iloc[tr_idx], y[tr_idx])
    lr_thr = pick_threshold(y[cal_idx], logreg.predict_proba(X.iloc[cal_idx])[:, 1], a.min_recall)
    prior = DummyClassifier(strategy="prior").fit(X.iloc[tr_idx], y[tr_idx])

    X_te, y_te = X.iloc[test_idx], y[test_idx]
    report = {
        "hgb_isotonic": evaluate(y_te, calibrated.predict_proba(X_te)[:, 1], threshold),
        "logreg_baseline": evaluate(y_te, logreg.predict_proba(X_te)[:, 1], lr_thr),
        "prior_baseline": {"pr_auc": average_precision_score(y_te, prior.predict_proba(X_te)[:, 1]),
                           "brier": brier_score_loss(y_te, prior.predict_proba(X_te)[:, 1])},
    }
    print(json.dumps(report, indent=2))
    joblib.dump({"model": calibrated, "threshold": threshold}, a.out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/diabetic_data.csv")
    ap.add_argument("--out", default="models/readmit_hgb_iso.joblib")
    ap.add_argument("--min-recall", type=float, default=0.6)
    ap.add_argument("--seed", type=int, default=19)
    main(ap.parse_args())
