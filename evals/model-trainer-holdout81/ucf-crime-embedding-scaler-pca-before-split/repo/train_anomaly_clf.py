"""Video-level anomaly classifier on pooled I3D embeddings (UCF-Crime subset).

Each row of the feature table is one surveillance video, represented by the
mean-pooled 1024-d I3D RGB embedding of its 32 uniformly spaced segments
(extracted with tools/extract_i3d.py). Label: Normal vs any anomaly category.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 17
EMB_PREFIX = "i3d_"


def load_table(features_path, labels_path):
    feats = pd.read_parquet(features_path)
    labels = pd.read_csv(labels_path)
    df = feats.merge(labels[["video_id", "category"]], on="video_id", how="inner")
    df["is_anomaly"] = (df["category"] != "Normal").astype(int)
    missing = len(labels) - len(df)
    if missing:
        print(f"warning: {missing} labelled videos have no embedding and were dropped")
    return df


def per_category_auc(test_df, scores):
    """AUC of each anomaly category against all normal test videos."""
    rows = {}
    normal = test_df["category"] == "Normal"
    for cat in sorted(test_df.loc[~normal, "category"].unique()):
        mask = normal | (test_df["category"] == cat)
        if mask.sum() > normal.sum():
            rows[cat] = roc_auc_score(test_df.loc[mask, "is_anomaly"], scores[mask.to_numpy()])
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", default="data/ucf_crime_i3d_pooled.parquet")
    parser.add_argument("--labels", default="data/ucf_crime_labels.csv")
    parser.add_argument("--pca-dim", type=int, default=128)
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--out", default="runs/anomaly_logreg")
    args = parser.parse_args()

    df = load_table(args.features, args.labels)
    emb_cols = [c for c in df.columns if c.startswith(EMB_PREFIX)]
    print(f"{len(df)} videos, {len(emb_cols)} dims, anomaly rate {df.is_anomaly.mean():.3f}")

    X = df[emb_cols].to_numpy(dtype=np.float32)
    y = df["is_anomaly"].to_numpy()

    X = StandardScaler().fit_transform(X)
    X = PCA(n_components=args.pca_dim, whiten=True, random_state=SEED).fit_transform(X)

    idx = np.arange(len(df))
    train_idx, test_idx = train_test_split(idx, test_size=0.25, stratify=y, random_state=SEED)
    X_train, X_test = X[train_idx], X[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
    clf.fit(X_train, y_train)

    scores = clf.predict_proba(X_test)[:, 1]
    base_scores = baseline.predict_proba(X_test)[:, 1]
    test_df = df.iloc[test_idx].reset_index(drop=True)

    metrics = {
        "roc_auc": roc_auc_score(y_test, scores),
        "average_precision": average_precision_score(y_test, scores),
        "baseline_roc_auc": roc_auc_score(y_test, base_scores),
        "baseline_average_precision": average_precision_score(y_test, base_scores),
        "per_category_auc": per_category_auc(test_df, scores),
    }
    for k, v in metrics.items():
        if not isinstance(v, dict):
            print(f"{k:>28}: {v:.4f}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    test_df.assign(score=scores)[["video_id", "category", "score"]].to_csv(out / "test_scores.csv", index=False)


if __name__ == "__main__":
    main()
