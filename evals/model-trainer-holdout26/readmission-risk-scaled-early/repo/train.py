"""30-day readmission risk model for the discharge cohort extract.

Usage:
    python train.py --data data/discharges_2023.csv --out artifacts/
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("readmit")

SEED = 17
NUMERIC = ["age", "los_days", "n_prior_admits", "n_meds", "hba1c", "creatinine", "sodium", "bmi"]
BINARY = ["chf", "copd", "ckd", "diabetes", "discharged_home"]
TARGET = "readmit_30d"


def load_cohort(path):
    df = pd.read_csv(path, parse_dates=["discharge_date"])
    df = df.drop_duplicates(subset="encounter_id")
    df[BINARY] = df[BINARY].fillna(0).astype(int)
    log.info("loaded %d encounters, positive rate %.3f", len(df), df[TARGET].mean())
    return df


def build_matrix(df):
    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    num = imputer.fit_transform(df[NUMERIC])
    num = scaler.fit_transform(num)
    X = np.hstack([num, df[BINARY].to_numpy()])
    y = df[TARGET].to_numpy()
    return X, y, (imputer, scaler)


def score(name, y_true, proba):
    res = {
        "roc_auc": roc_auc_score(y_true, proba),
        "avg_precision": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
    log.info("%s: %s", name, json.dumps({k: round(v, 4) for k, v in res.items()}))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/discharges_2023.csv")
    ap.add_argument("--out", default="artifacts")
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()

    df = load_cohort(args.data)
    X, y, transformers = build_matrix(df)

    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    baseline = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000, random_state=SEED)
    clf.fit(X_tr, y_tr)

    results = {
        "baseline": score("prior baseline", y_te, baseline.predict_proba(X_te)[:, 1]),
        "logreg": score("logistic regression", y_te, clf.predict_proba(X_te)[:, 1]),
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "transformers": transformers}, out / "readmit_lr.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
