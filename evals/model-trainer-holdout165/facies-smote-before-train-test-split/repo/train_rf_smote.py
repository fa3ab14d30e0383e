#!/usr/bin/env python
"""Random forest facies classifier for the Volve / Hugin Fm. cored wells.

Rare facies (cemented sandstone, coal) have only a few hundred samples, so the classes are
balanced with SMOTE before training.
"""
import json
import logging

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("facies")

SEED = 42
DATA = "data/volve_core_facies_logs.csv"
LOGS = ["GR", "RHOB", "NPHI", "DT", "RT", "PEF", "VSH"]
TARGET = "CORE_FACIES"
FACIES = {
    1: "clean sandstone", 2: "silty sandstone", 3: "cemented sandstone",
    4: "heterolithic", 5: "mudstone", 6: "coal",
}


def load(path=DATA):
    df = pd.read_csv(path)
    df = df[df[TARGET].isin(FACIES)]
    # core depths were shifted onto log depth by the geologists already
    df = df.dropna(subset=LOGS)
    df["RT"] = np.log10(df["RT"].clip(lower=0.05))
    return df.reset_index(drop=True)


def main():
    df = load()
    log.info("rows per facies:\n%s", df[TARGET].value_counts().sort_index())

    X = df[LOGS].to_numpy()
    y = df[TARGET].to_numpy()

    sm = SMOTE(k_neighbors=5, random_state=SEED)
    X_bal, y_bal = sm.fit_resample(X, y)
    log.info("after SMOTE: %d rows (%d original)", len(y_bal), len(y))

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=SEED
    )

    rf = RandomForestClassifier(
        n_estimators=600,
        max_depth=None,
        min_samples_leaf=2,
        max_features="sqrt",
        n_jobs=-1,
        random_state=SEED,
    )
    rf.fit(X_train, y_train)

    pred = rf.predict(X_test)
    bacc = balanced_accuracy_score(y_test, pred)
    log.info("balanced accuracy: %.3f", bacc)
    print(classification_report(y_test, pred, target_names=[FACIES[k] for k in sorted(FACIES)]))
    print(confusion_matrix(y_test, pred))

    joblib.dump(rf, "rf_facies_smote.joblib")
    with open("metrics.json", "w") as f:
        json.dump({"balanced_accuracy": bacc,
                   "importances": dict(zip(LOGS, rf.feature_importances_.round(4)))}, f, indent=2)


if __name__ == "__main__":
    main()
