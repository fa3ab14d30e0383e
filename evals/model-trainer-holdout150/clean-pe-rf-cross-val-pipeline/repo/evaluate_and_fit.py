"""Estimate generalisation with 10-fold CV, then fit the production model on every labelled sample.

    python evaluate_and_fit.py --csv data/pe_static_features.csv --k 40
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline

ID_COLS = ["sha256", "md5", "label", "source_feed"]


def build(k, seed):
    return Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("select", SelectKBest(f_classif, k=k)),
        ("rf", RandomForestClassifier(n_estimators=500, min_samples_leaf=2, class_weight="balanced_subsample",
                                      n_jobs=-1, random_state=seed)),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--k", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="models/pe_rf.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.csv).drop_duplicates("sha256")
    # pefile returns -1 for fields it couldn't parse
    feats = df.drop(columns=ID_COLS).replace(-1, np.nan)
    y = df["label"].to_numpy()
    print(f"{len(df)} samples, {feats.shape[1]} features, {y.mean():.1%} malicious")

    pipe = build(args.k, args.seed)
    cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=args.seed)
    res = cross_validate(pipe, feats, y, cv=cv, scoring=["roc_auc", "average_precision", "f1"],
                         return_train_score=True, n_jobs=1)
    summary = {m: (float(np.mean(res[f"test_{m}"])), float(np.std(res[f"test_{m}"])))
               for m in ["roc_auc", "average_precision", "f1"]}
    for m, (mu, sd) in summary.items():
        print(f"cv {m:18s} {mu:.4f} +- {sd:.4f}   (train {np.mean(res[f'train_{m}']):.4f})")

    pipe.fit(feats, y)
    kept = feats.columns[pipe.named_steps["select"].get_support()]
    print("selected features:", ", ".join(kept[:15]), "...")
    joblib.dump(pipe, args.out)
    with open(args.out.replace(".joblib", "_cv.json"), "w") as f:
        json.dump({"cv": summary, "features": list(kept)}, f, indent=2)


if __name__ == "__main__":
    main()
