"""AOI false-call reduction: classify SMD component crops into OK / missing / tombstone / bridge / shifted.

train.csv and test.csv come from the AOI export (test = boards from the last two production weeks).
"""
import argparse

import joblib
import numpy as np
import torch
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.preprocessing import StandardScaler

from features import embed_split


def reduce(X, scaler, pca):
    X = scaler.fit_transform(X)
    return pca.fit_transform(X)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", default="data/aoi_crops")
    ap.add_argument("--n-components", type=int, default=128)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    X_tr, y_tr = embed_split("data/train.csv", args.images, "cache/train_r50.npz", device)
    X_te, y_te = embed_split("data/test.csv", args.images, "cache/test_r50.npz", device)
    print("train", X_tr.shape, "test", X_te.shape)

    scaler = StandardScaler()
    pca = PCA(n_components=args.n_components, whiten=True, random_state=args.seed)
    clf = LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced")

    Z_tr = reduce(X_tr, scaler, pca)
    clf.fit(Z_tr, y_tr)
    print(f"PCA keeps {pca.explained_variance_ratio_.sum():.1%} of variance")

    Z_te = reduce(X_te, scaler, pca)
    pred = clf.predict(Z_te)
    print(classification_report(y_te, pred, digits=3))
    print("balanced accuracy:", round(balanced_accuracy_score(y_te, pred), 4))

    joblib.dump({"scaler": scaler, "pca": pca, "clf": clf}, "aoi_logreg.joblib")


if __name__ == "__main__":
    main()
