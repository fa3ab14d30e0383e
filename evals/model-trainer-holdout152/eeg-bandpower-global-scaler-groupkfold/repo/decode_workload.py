import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from features import build_dataset


def main():
    parser = argparse.ArgumentParser(description="Cross-subject workload decoding (n-back, EEG)")
    parser.add_argument("--data-dir", default="data/derivatives/nback")
    parser.add_argument("--n-splits", type=int, default=5)
    parser.add_argument("--C", type=float, default=0.1)
    parser.add_argument("--out", default="results/workload_groupkfold.json")
    args = parser.parse_args()

    files = {int(p.stem.split("-")[1].split("_")[0]): p
             for p in sorted(Path(args.data_dir).glob("sub-*_task-nback_eeg.fif"))}
    X, y, groups = build_dataset(files)
    print(f"{X.shape[0]} epochs, {X.shape[1]} features, {len(np.unique(groups))} subjects")

    cv = GroupKFold(n_splits=args.n_splits)
    fold_results = []
    for fold, (train_idx, test_idx) in enumerate(cv.split(X, y, groups)):
        clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=1000, random_state=42)
        clf.fit(X[train_idx], y[train_idx])
        proba = clf.predict_proba(X[test_idx])[:, 1]
        res = {
            "fold": fold,
            "test_subjects": sorted(np.unique(groups[test_idx]).tolist()),
            "bacc": balanced_accuracy_score(y[test_idx], (proba > 0.5).astype(int)),
            "auc": roc_auc_score(y[test_idx], proba),
        }
        fold_results.append(res)
        print(f"fold {fold}: bacc={res['bacc']:.3f} auc={res['auc']:.3f}")

    summary = {
        "bacc_mean": float(np.mean([r["bacc"] for r in fold_results])),
        "auc_mean": float(np.mean([r["auc"] for r in fold_results])),
        "folds": fold_results,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(summary, indent=2))
    print(f"mean bacc={summary['bacc_mean']:.3f}  mean auc={summary['auc_mean']:.3f}")


if __name__ == "__main__":
    main()
