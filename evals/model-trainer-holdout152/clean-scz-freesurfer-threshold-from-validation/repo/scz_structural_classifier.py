"""Schizophrenia vs. healthy controls from FreeSurfer 7.3 aseg/aparc measures (multi-site cohort).

Input: stats/fs_measures.csv, one row per participant, produced by asegstats2table/aparcstats2table.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 31
VOLUMES = ["Left-Hippocampus", "Right-Hippocampus", "Left-Amygdala", "Right-Amygdala",
           "Left-Thalamus", "Right-Thalamus", "Left-Lateral-Ventricle", "Right-Lateral-Ventricle",
           "3rd-Ventricle", "Left-Caudate", "Right-Caudate", "Left-Putamen", "Right-Putamen"]


def load(path):
    df = pd.read_csv(path)
    df = df[df["qc_euler_number"] > -217]                      # Rosen et al. 2018 QC cut-off
    thick = [c for c in df.columns if c.endswith("_thickness") and not c.startswith(("lh_Mean", "rh_Mean"))]
    # head-size correction: volumes as fraction of eTIV (per participant)
    vols = df[VOLUMES].div(df["EstimatedTotalIntraCranialVol"], axis=0) * 1e3
    X = pd.concat([df[thick], vols, df[["age"]], (df["sex"] == "M").astype(int).rename("male")], axis=1)
    y = (df["diagnosis"] == "SZ").astype(int).to_numpy()
    return X, y, df["site"].to_numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="stats/fs_measures.csv")
    args = ap.parse_args()

    X, y, site = load(args.csv)
    print(X.shape, f"SZ={y.sum()} HC={(1 - y).sum()}", "sites:", np.unique(site).size)
    print(X.isna().mean().sort_values(ascending=False).head())

    strata = pd.Series(y).astype(str).to_numpy() + site
    X_dev, X_test, y_dev, y_test, s_dev, _ = train_test_split(
        X, y, strata, test_size=0.2, stratify=strata, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, test_size=0.25, stratify=s_dev, random_state=SEED)

    model = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        LogisticRegression(penalty="l2", C=0.3, max_iter=5000, random_state=SEED),
    )
    model.fit(X_train, y_train)

    # operating point: maximise Youden's J on the validation participants
    fpr, tpr, thr = roc_curve(y_val, model.predict_proba(X_val)[:, 1])
    threshold = thr[np.argmax(tpr - fpr)]
    print(f"val AUC={roc_auc_score(y_val, model.predict_proba(X_val)[:, 1]):.3f}, threshold={threshold:.3f}")

    p_test = model.predict_proba(X_test)[:, 1]
    y_hat = (p_test >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_test, y_hat).ravel()
    print(f"TEST  AUC={roc_auc_score(y_test, p_test):.3f}  "
          f"bacc={balanced_accuracy_score(y_test, y_hat):.3f}  "
          f"sens={tp / (tp + fn):.3f}  spec={tn / (tn + fp):.3f}")


if __name__ == "__main__":
    main()
