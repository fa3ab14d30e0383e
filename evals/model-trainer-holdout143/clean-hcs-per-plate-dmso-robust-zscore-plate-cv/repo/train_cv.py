"""
MOA classification from compound-treated wells of the LINCS Cell Painting plates.
Leave-plates-out CV: every fold tests on plates the model never saw.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, top_k_accuracy_score
from sklearn.model_selection import GroupKFold

from normalize import clip_outliers, robust_zscore_to_negcon

SEED = 8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", default="data/lincs_cp_well_profiles.parquet")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-wells-per-moa", type=int, default=12)
    args = ap.parse_args()

    raw = pd.read_parquet(args.profiles)
    feat_cols = [c for c in raw.columns if c.startswith(("Cells_", "Cytoplasm_", "Nuclei_"))]
    raw = raw.dropna(subset=feat_cols)

    prof = robust_zscore_to_negcon(raw, feat_cols)
    prof = clip_outliers(prof, feat_cols)

    trt = prof[(prof["Metadata_pert_iname"] != "DMSO") & prof["Metadata_moa"].notna()]
    keep = trt["Metadata_moa"].value_counts()
    trt = trt[trt["Metadata_moa"].isin(keep[keep >= args.min_wells_per_moa].index)].reset_index(drop=True)
    classes = np.array(sorted(trt["Metadata_moa"].unique()))
    y = np.searchsorted(classes, trt["Metadata_moa"].to_numpy())
    X = trt[feat_cols].to_numpy(np.float32)
    plates = trt["Metadata_Plate"].to_numpy()
    print(f"{len(trt)} wells, {len(classes)} MOAs, {len(np.unique(plates))} plates")

    params = dict(objective="multiclass", n_estimators=300, learning_rate=0.05, num_leaves=31,
                  min_child_samples=10, colsample_bytree=0.3, subsample=0.8, subsample_freq=1,
                  class_weight="balanced", random_state=SEED, n_jobs=8, verbose=-1)

    oof = np.zeros((len(y), len(classes)))
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=args.folds).split(X, y, groups=plates)):
        clf = lgb.LGBMClassifier(**params)
        clf.fit(X[tr], y[tr])
        proba = np.zeros((len(te), len(classes)))
        proba[:, clf.classes_] = clf.predict_proba(X[te])
        oof[te] = proba
        f1 = f1_score(y[te], proba.argmax(1), average="macro")
        print(f"fold {fold}: {len(np.unique(plates[te]))} test plates, macro-F1 {f1:.3f}")

    summary = {
        "macro_f1": float(f1_score(y, oof.argmax(1), average="macro")),
        "top5_acc": float(top_k_accuracy_score(y, oof, k=5, labels=np.arange(len(classes)))),
        "chance_top1": float(1 / len(classes)),
    }
    print(json.dumps(summary, indent=2))
    pd.DataFrame(oof, columns=classes).assign(
        Metadata_Plate=plates, Metadata_Well=trt["Metadata_Well"].to_numpy(), y_true=classes[y]
    ).to_parquet("oof_predictions.parquet")


if __name__ == "__main__":
    main()
