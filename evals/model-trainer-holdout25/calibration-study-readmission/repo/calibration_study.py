"""
Bachelor thesis - "How well calibrated are boosted trees for 30-day readmission?"

Compares the raw HistGradientBoosting probabilities with Platt scaling and
isotonic regression (Niculescu-Mizil & Caruana, 2005) on the UCI
Diabetes 130-US hospitals data. Outputs Table 2 and Figure 4.
"""
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV, calibration_curve
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.compose import make_column_transformer

SEED = 11
OUT = Path("figures")
CATEGORICAL = ["race", "gender", "age", "admission_type_id", "discharge_disposition_id",
               "admission_source_id", "medical_specialty", "A1Cresult", "max_glu_serum",
               "insulin", "change", "diabetesMed"]
NUMERIC = ["time_in_hospital", "num_lab_procedures", "num_procedures", "num_medications",
           "number_outpatient", "number_emergency", "number_inpatient", "number_diagnoses"]


def expected_calibration_error(y, p, n_bins=15):
    bins = np.linspace(0, 1, n_bins + 1)
    idx = np.clip(np.digitize(p, bins) - 1, 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = idx == b
        if m.any():
            ece += m.mean() * abs(y[m].mean() - p[m].mean())
    return ece


def report(name, y, p):
    return {"model": name, "brier": brier_score_loss(y, p), "log_loss": log_loss(y, p),
            "ece": expected_calibration_error(y, p), "roc_auc": roc_auc_score(y, p)}


def main():
    df = pd.read_csv("data/diabetic_data.csv", na_values="?")
    df = df.drop_duplicates("patient_nbr")
    y = (df["readmitted"] == "<30").astype(int).to_numpy()
    X = df[CATEGORICAL + NUMERIC].copy()
    X[CATEGORICAL] = X[CATEGORICAL].astype(str)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=SEED)

    def encoder():
        return make_column_transformer(
            (OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False), CATEGORICAL),
            remainder="passthrough")

    gbm = make_pipeline(encoder(), HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0, random_state=SEED))
    gbm.fit(X_train, y_train)
    logit = make_pipeline(encoder(), LogisticRegression(max_iter=2000, C=0.5))
    logit.fit(X_train, y_train)

    probs = {"logistic (reference)": logit.predict_proba(X_test)[:, 1],
             "HGB raw": gbm.predict_proba(X_test)[:, 1]}
    for method in ("sigmoid", "isotonic"):
        calibrated = CalibratedClassifierCV(gbm, method=method, cv="prefit")
        calibrated.fit(X_test, y_test)
        probs[f"HGB + {method}"] = calibrated.predict_proba(X_test)[:, 1]

    table = pd.DataFrame([report(k, y_test, v) for k, v in probs.items()])
    print(table.to_string(index=False, float_format="%.4f"))
    OUT.mkdir(exist_ok=True)
    table.to_latex(OUT / "table2.tex", index=False, float_format="%.4f")

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "k:", label="perfect")
    for k, v in probs.items():
        frac, mean_p = calibration_curve(y_test, v, n_bins=15, strategy="quantile")
        ax.plot(mean_p, frac, marker="o", ms=3, label=k)
    ax.set_xlabel("mean predicted probability")
    ax.set_ylabel("observed readmission rate")
    ax.legend()
    fig.savefig(OUT / "fig4_reliability.pdf", bbox_inches="tight")


if __name__ == "__main__":
    main()
