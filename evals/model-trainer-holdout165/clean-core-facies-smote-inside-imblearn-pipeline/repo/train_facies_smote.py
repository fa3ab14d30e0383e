#!/usr/bin/env python
"""Core-facies classifier with SMOTE for the rare facies (cemented sandstone, coal)."""
import logging

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_validate
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("facies")

SEED = 42
LOGS = ["GR", "RHOB", "NPHI", "DT", "RT", "PEF", "VSH"]
TARGET = "CORE_FACIES"
FACIES = {1: "clean sandstone", 2: "silty sandstone", 3: "cemented sandstone",
          4: "heterolithic", 5: "mudstone", 6: "coal"}


def load(path="data/volve_core_facies_logs.csv"):
    df = pd.read_csv(path)
    df = df[df[TARGET].isin(FACIES)].dropna(subset=LOGS)
    df["RT"] = np.log10(df["RT"].clip(lower=0.05))
    return df.reset_index(drop=True)


def make_pipeline():
    return Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
        ("rf", RandomForestClassifier(n_estimators=600, min_samples_leaf=2,
                                      max_features="sqrt", n_jobs=-1, random_state=SEED)),
    ])


def main():
    df = load()
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    tr_idx, te_idx = next(gss.split(df, groups=df["WELL"]))
    train, test = df.iloc[tr_idx], df.iloc[te_idx]
    log.info("test wells: %s", sorted(test["WELL"].unique()))
    log.info("train facies counts:\n%s", train[TARGET].value_counts().sort_index())

    cv = cross_validate(make_pipeline(), train[LOGS], train[TARGET], groups=train["WELL"],
                        cv=GroupKFold(n_splits=4), scoring=["balanced_accuracy", "f1_macro"])
    log.info("CV balanced acc %.3f +/- %.3f | macro F1 %.3f",
             cv["test_balanced_accuracy"].mean(), cv["test_balanced_accuracy"].std(),
             cv["test_f1_macro"].mean())

    model = make_pipeline().fit(train[LOGS], train[TARGET])
    pred = model.predict(test[LOGS])
    log.info("test balanced accuracy: %.3f", balanced_accuracy_score(test[TARGET], pred))
    print(classification_report(test[TARGET], pred, labels=sorted(FACIES),
                                target_names=[FACIES[k] for k in sorted(FACIES)], zero_division=0))
    joblib.dump(model, "facies_rf_smote_pipeline.joblib")


if __name__ == "__main__":
    main()
