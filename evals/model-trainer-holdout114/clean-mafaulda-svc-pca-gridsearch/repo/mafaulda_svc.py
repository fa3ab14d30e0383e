"""Rotor fault classification on MAFAULDA (machinery fault database, UFRJ).

One row per 5 s recording (50 kHz, tachometer + 2 triaxial accelerometers + microphone).
usage: python mafaulda_svc.py --root data/mafaulda --features-cache features.parquet
"""
import argparse
import os
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from scipy.stats import kurtosis
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

FS = 50_000
CHANNELS = ["tacho", "ub_axial", "ub_radial", "ub_tangential", "ob_axial", "ob_radial", "ob_tangential", "mic"]
CLASSES = ["normal", "imbalance", "horizontal-misalignment", "vertical-misalignment", "underhang", "overhang"]


def rotation_hz(tacho):
    pulses = np.flatnonzero(np.diff((tacho > tacho.mean()).astype(int)) == 1)
    return FS / np.median(np.diff(pulses))


def recording_features(path):
    sig = pd.read_csv(path, header=None, names=CHANNELS).to_numpy()
    f_rot = rotation_hz(sig[:, 0])
    freqs = np.fft.rfftfreq(len(sig), 1 / FS)
    feats = {"f_rot": f_rot}
    for i, ch in enumerate(CHANNELS[1:], start=1):
        x = sig[:, i] - sig[:, i].mean()
        spec = np.abs(np.fft.rfft(x)) / len(x)
        feats[f"{ch}_rms"] = np.sqrt(np.mean(x ** 2))
        feats[f"{ch}_kurt"] = kurtosis(x)
        feats[f"{ch}_crest"] = np.abs(x).max() / feats[f"{ch}_rms"]
        for k in (1, 2, 3):
            band = (freqs > k * f_rot - 1) & (freqs < k * f_rot + 1)
            feats[f"{ch}_{k}x"] = spec[band].max()
    return feats


def build_table(root):
    rows = []
    for cls in CLASSES:
        for path in sorted(Path(root, cls).rglob("*.csv")):
            rows.append({**recording_features(path), "label": cls, "file": str(path)})
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/mafaulda")
    ap.add_argument("--features-cache", default="features.parquet")
    ap.add_argument("--seed", type=int, default=31)
    args = ap.parse_args()

    if os.path.exists(args.features_cache):
        table = pd.read_parquet(args.features_cache)
    else:
        table = build_table(args.root)
        table.to_parquet(args.features_cache)

    X = table.drop(columns=["label", "file"])
    y = table["label"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=args.seed)

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA()),
        ("svc", SVC(kernel="rbf", class_weight="balanced")),
    ])
    grid = {
        "pca__n_components": [0.95, 0.99],
        "svc__C": [1, 10, 100],
        "svc__gamma": ["scale", 0.01, 0.001],
    }
    search = GridSearchCV(pipe, grid, cv=StratifiedKFold(5, shuffle=True, random_state=args.seed),
                          scoring="f1_macro", n_jobs=-1)
    search.fit(X_train, y_train)
    print(f"best {search.best_params_}  cv macro-F1 {search.best_score_:.4f}")

    pred = search.predict(X_test)
    print(classification_report(y_test, pred, digits=3))
    print(pd.DataFrame(confusion_matrix(y_test, pred, labels=CLASSES), index=CLASSES, columns=CLASSES))
    print(f"test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
    joblib.dump(search.best_estimator_, "mafaulda_svc.joblib")


if __name__ == "__main__":
    main()
