"""Logistic-regression MOA baseline on Cell Painting well profiles, evaluated on held-out plates."""
import argparse
import json
import os

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from features import drop_bad_wells, feature_columns, load_plate_profiles, standardize

SEED = 13


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--profiles", default="data/profiles/2020_11_04_CPJUMP1")
    p.add_argument("--label-col", default="Metadata_moa")
    p.add_argument("--min-wells", type=int, default=8, help="drop MOAs with fewer wells")
    p.add_argument("--test-size", type=float, default=0.25)
    p.add_argument("--C", type=float, default=0.05)
    p.add_argument("--out-dir", default="results/moa_logreg")
    return p.parse_args()


def main():
    args = parse_args()
    np.random.seed(SEED)
    os.makedirs(args.out_dir, exist_ok=True)

    df = load_plate_profiles(args.profiles)
    # negcon (DMSO) and empty wells have no MOA annotation
    df = df[df["Metadata_control_type"].fillna("trt") == "trt"]
    df = df.dropna(subset=[args.label_col])
    counts = df[args.label_col].value_counts()
    df = df[df[args.label_col].isin(counts[counts >= args.min_wells].index)]

    feat_cols = feature_columns(df)
    df = drop_bad_wells(df, feat_cols)
    print(f"{len(df)} wells | {df['Metadata_Plate'].nunique()} plates | "
          f"{df[args.label_col].nunique()} MOAs | {len(feat_cols)} features")

    df, scaler = standardize(df, feat_cols)

    gss = GroupShuffleSplit(n_splits=1, test_size=args.test_size, random_state=SEED)
    train_idx, test_idx = next(gss.split(df, groups=df["Metadata_Plate"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    print("test plates:", sorted(test["Metadata_Plate"].unique()))

    clf = LogisticRegression(C=args.C, max_iter=5000, class_weight="balanced", random_state=SEED)
    clf.fit(train[feat_cols], train[args.label_col])

    pred = clf.predict(test[feat_cols])
    y_test = test[args.label_col]
    metrics = {
        "macro_f1": float(f1_score(y_test, pred, average="macro")),
        "balanced_accuracy": float(balanced_accuracy_score(y_test, pred)),
        "n_test_wells": int(len(test)),
    }
    print(classification_report(y_test, pred, zero_division=0))
    print(json.dumps(metrics, indent=2))

    with open(os.path.join(args.out_dir, "metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=2)
    joblib.dump({"scaler": scaler, "clf": clf, "features": feat_cols},
                os.path.join(args.out_dir, "model.joblib"))


if __name__ == "__main__":
    main()
