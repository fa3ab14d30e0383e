"""Fault-type classification from relay/DFR waveform windows (PSCAD sweep + field DFR records).

Every simulation run / DFR record yields ~20 overlapping 1-cycle windows, so windows are grouped by
`record_id` for cross-validation. Features were extracted by extract_features.py (DWT energies per
phase, RMS, sequence components).
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedGroupKFold

CLASSES = ["AG", "BG", "CG", "AB", "BC", "CA", "ABG", "BCG", "CAG", "ABC"]


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default="data/fault_windows_features.parquet")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--model-out", default="models/fault_type_lgbm.txt")
    return ap.parse_args()


def make_model(seed):
    return lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=500,
        learning_rate=0.05,
        num_leaves=31,
        min_child_samples=30,
        feature_fraction=0.8,
        bagging_fraction=0.8,
        bagging_freq=1,
        random_state=seed,
        verbose=-1,
    )


def main():
    args = get_args()
    df = pd.read_parquet(args.features)
    df = df[df["fault_type"].isin(CLASSES)].reset_index(drop=True)
    feature_cols = [c for c in df.columns if c.startswith(("dwt_", "rms_", "seq_", "thd_"))]
    X = df[feature_cols]
    y = df["fault_type"].map({c: i for i, c in enumerate(CLASSES)}).values
    groups = df["record_id"].values
    print(f"{len(df)} windows, {df['record_id'].nunique()} records, {len(feature_cols)} features")

    sgkf = StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    oof = np.zeros((len(df), len(CLASSES)))
    fold_f1 = []
    for k, (tr, va) in enumerate(sgkf.split(X, y, groups)):
        m = make_model(args.seed)
        m.fit(X.iloc[tr], y[tr])
        oof[va] = m.predict_proba(X.iloc[va])
        f1 = f1_score(y[va], oof[va].argmax(1), average="macro")
        fold_f1.append(f1)
        print(f"fold {k}: {len(set(groups[va]))} held-out records, macro-F1 {f1:.4f}")

    pred = oof.argmax(1)
    print(f"OOF macro-F1 {f1_score(y, pred, average='macro'):.4f} "
          f"(folds {np.mean(fold_f1):.4f} +/- {np.std(fold_f1):.4f})")
    print(classification_report(y, pred, target_names=CLASSES, digits=3))

    # record-level vote: the class predicted by most windows of a record
    rec = pd.DataFrame({"record_id": groups, "y": y, "pred": pred})
    voted = rec.groupby("record_id").agg(y=("y", "first"), pred=("pred", lambda s: s.mode().iloc[0]))
    print(f"record-level macro-F1 {f1_score(voted['y'], voted['pred'], average='macro'):.4f}")
    print(confusion_matrix(voted["y"], voted["pred"]))

    final = make_model(args.seed).fit(X, y)
    final.booster_.save_model(args.model_out)
    with open(args.model_out + ".features.json", "w") as fh:
        json.dump(feature_cols, fh)


if __name__ == "__main__":
    main()
