#!/usr/bin/env python
"""Field guide helper: flag specimens that are likely toxic from morphology measurements.

Toxic specimens are only ~7% of the herbarium records, so the classes are rebalanced first.
"""
import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)

MEASUREMENTS = [
    "cap_diameter_mm", "cap_thickness_mm", "stem_height_mm", "stem_width_mm",
    "gill_spacing_mm", "spore_length_um", "spore_width_um", "bruise_minutes",
    "has_ring", "has_volva", "gill_attached", "latex_present", "odour_score",
]
SEED = 11


def load(path: str) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_csv(path)
    df = df.dropna(subset=MEASUREMENTS + ["toxic"])
    df["spore_ratio"] = df["spore_length_um"] / df["spore_width_um"]
    cols = MEASUREMENTS + ["spore_ratio"]
    return df[cols], df["toxic"].astype(int)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/herbarium_specimens.csv")
    ap.add_argument("--model-out", default="models/toxicity_rf.joblib")
    args = ap.parse_args()

    X, y = load(args.data)
    log.info("class counts before balancing: %s", y.value_counts().to_dict())
    X, y = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X, y)
    X_fit, X_hold, y_fit, y_hold = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    dummy = DummyClassifier(strategy="prior").fit(X_fit, y_fit)
    forest = RandomForestClassifier(n_estimators=500, min_samples_leaf=2, class_weight=None,
                                    n_jobs=-1, random_state=SEED)
    forest.fit(X_fit, y_fit)

    for name, model in [("prior baseline", dummy), ("random forest", forest)]:
        proba = model.predict_proba(X_hold)[:, 1]
        log.info("%s  ROC-AUC %.3f  PR-AUC %.3f", name, roc_auc_score(y_hold, proba),
                 average_precision_score(y_hold, proba))
    print(classification_report(y_hold, forest.predict(X_hold), target_names=["edible", "toxic"]))

    joblib.dump(forest, args.model_out)


if __name__ == "__main__":
    main()
