"""Sarcoma subtype classifier from EPIC methylation beta values.

The CpG list is the 10k probe set shipped with the reference classifier (probes/cpg_10k.txt);
samples come from our biobank plus the public GSE140686 reference cohort.
"""
import argparse
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

SEED = 11
MIN_SAMPLES_PER_CLASS = 6


def read_betas(path, cpgs):
    betas = pd.read_parquet(path)
    missing = sorted(set(cpgs) - set(betas.columns))
    if missing:
        print(f"warning: {len(missing)} probes from the reference list are absent")
    return betas.reindex(columns=cpgs)


def m_values(betas, eps=1e-3):
    b = betas.clip(eps, 1 - eps)
    return np.log2(b / (1 - b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--betas", default="data/epic_betas_noob.parquet")
    ap.add_argument("--annotation", default="data/sample_annotation.csv")
    ap.add_argument("--cpgs", default="probes/cpg_10k.txt")
    ap.add_argument("--out", default="models/sarcoma_rf.joblib")
    args = ap.parse_args()

    cpgs = [l.strip() for l in open(args.cpgs) if l.strip()]
    betas = read_betas(args.betas, cpgs)
    ann = pd.read_csv(args.annotation, index_col="sentrix_id").loc[betas.index]

    # probes failing detection p-value are NaN; a beta of 0.5 is the uninformative value
    X = m_values(betas.fillna(0.5))
    y = ann["methylation_class"]

    counts = y.value_counts()
    print(counts.to_string())
    keep = y.isin(counts[counts >= MIN_SAMPLES_PER_CLASS].index)
    X, y = X[keep], y[keep]
    print(f"{len(y)} samples, {y.nunique()} classes; largest {counts.max()}, smallest kept "
          f"{counts[counts >= MIN_SAMPLES_PER_CLASS].min()}")

    smote = SMOTE(k_neighbors=MIN_SAMPLES_PER_CLASS - 1, random_state=SEED)
    X_bal, y_bal = smote.fit_resample(X.to_numpy(), y.to_numpy())
    print(f"after SMOTE: {len(y_bal)} samples")

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=SEED
    )

    rf = RandomForestClassifier(
        n_estimators=1000,
        max_features="sqrt",
        min_samples_leaf=1,
        n_jobs=-1,
        random_state=SEED,
    )
    rf.fit(X_train, y_train)
    pred = rf.predict(X_test)
    print(f"test accuracy: {accuracy_score(y_test, pred):.3f}")

    importances = pd.Series(rf.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(importances.head(30))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": rf, "cpgs": cpgs, "classes": rf.classes_}, args.out)


if __name__ == "__main__":
    main()
