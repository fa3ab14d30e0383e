"""Cross-validated comparison of classifiers for wafer defect detection (SECOM sensors).

Usage: python compare_models.py --readings data/secom_readings.csv
"""
import argparse

import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 5
METRICS = ["roc_auc", "average_precision", "balanced_accuracy"]


def main(readings_path: str) -> None:
    readings = pd.read_csv(readings_path)
    outcome = (readings.pop("pass_fail") == 1).astype(int)
    readings = readings.drop(columns=["timestamp"]).dropna(axis=1)  # keep fully observed sensors
    print(f"{readings.shape[1]} sensors, defect rate {outcome.mean():.3%}")

    # the defect class is ~6.6%: rebalance so the classifiers see enough failures
    sampler = BorderlineSMOTE(k_neighbors=5, m_neighbors=10, random_state=SEED)
    sensors_bal, outcome_bal = sampler.fit_resample(readings, outcome)
    print("class counts after resampling:", np.bincount(outcome_bal))

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    candidates = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000)),
        "forest": RandomForestClassifier(
            n_estimators=500, min_samples_leaf=3, n_jobs=-1, random_state=SEED
        ),
    }
    for name, estimator in candidates.items():
        scores = cross_validate(estimator, sensors_bal, outcome_bal, cv=cv, scoring=METRICS)
        summary = "  ".join(
            f"{metric}={scores[f'test_{metric}'].mean():.3f}±{scores[f'test_{metric}'].std():.3f}"
            for metric in METRICS
        )
        print(f"{name:>7}: {summary}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--readings", default="data/secom_readings.csv")
    main(parser.parse_args().readings)
