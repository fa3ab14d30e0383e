"""Hospital mortality model on the eICU-style APACHE variables, with bootstrap CIs for the report."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

APACHE_VARS = [
    "age", "gcs_total", "heart_rate", "mean_bp", "resp_rate", "temperature", "fio2", "pao2",
    "ph", "sodium", "potassium", "creatinine", "hematocrit", "wbc", "bilirubin", "albumin",
    "glucose", "bun", "urine_output", "ventilated", "elective_surgery", "immunosuppressed",
]


def bootstrap_ci(y_true, prob, metric, n_boot=1000, alpha=0.05):
    y_true, prob = np.asarray(y_true), np.asarray(prob)
    stats = []
    for _ in range(n_boot):
        idx = np.random.randint(0, len(y_true), len(y_true))
        if y_true[idx].min() == y_true[idx].max():
            continue
        stats.append(metric(y_true[idx], prob[idx]))
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(metric(y_true, prob)), float(lo), float(hi)


def summarise(name, y_true, prob):
    out = {}
    for label, fn in [("auroc", roc_auc_score), ("auprc", average_precision_score), ("brier", brier_score_loss)]:
        point, lo, hi = bootstrap_ci(y_true, prob, fn)
        out[label] = {"value": point, "ci95": [lo, hi]}
        print(f"{name:>14s} {label}: {point:.3f} ({lo:.3f}-{hi:.3f})")
    return out


def main(args):
    df = pd.read_parquet(args.data)
    df = df.sort_values(["uniquepid", "unitadmitoffset"]).drop_duplicates("uniquepid", keep="first")
    X = df[APACHE_VARS]
    y = df["hospital_mortality"].astype(int)
    print(f"{len(df)} patients, mortality {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y)

    apache_like = make_pipeline(
        SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=5000)
    )
    forest = make_pipeline(
        SimpleImputer(strategy="median"),
        RandomForestClassifier(n_estimators=500, min_samples_leaf=20, max_features="sqrt", n_jobs=-1),
    )
    apache_like.fit(X_train, y_train)
    forest.fit(X_train, y_train)

    report = {
        "logistic_apache_vars": summarise("logistic", y_test, apache_like.predict_proba(X_test)[:, 1]),
        "random_forest": summarise("random_forest", y_test, forest.predict_proba(X_test)[:, 1]),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/eicu_apache_first_stay.parquet")
    parser.add_argument("--out", default="reports/mortality_rf.json")
    main(parser.parse_args())
