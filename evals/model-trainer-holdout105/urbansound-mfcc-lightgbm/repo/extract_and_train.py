"""Hand-crafted MFCC / spectral summary features + LightGBM for UrbanSound8K.

Slices cut from the same freesound recording (fsID) are kept on the same side of the split.
"""
from pathlib import Path

import joblib
import librosa
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier, early_stopping, log_evaluation
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit

DATA = Path("data/UrbanSound8K")
CACHE = Path("cache/us8k_summary_features.parquet")
SR = 22050


def summarise(path):
    y, _ = librosa.load(path, sr=SR, mono=True)
    y = librosa.util.fix_length(y, size=SR * 4)
    mfcc = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40)
    delta = librosa.feature.delta(mfcc)
    contrast = librosa.feature.spectral_contrast(y=y, sr=SR)
    zcr = librosa.feature.zero_crossing_rate(y)
    centroid = librosa.feature.spectral_centroid(y=y, sr=SR)
    blocks = [mfcc, delta, contrast, zcr, centroid]
    return np.concatenate([np.r_[b.mean(axis=1), b.std(axis=1)] for b in blocks])


def build_features(meta):
    if CACHE.exists():
        return pd.read_parquet(CACHE)
    rows = [summarise(DATA / "audio" / f"fold{r.fold}" / r.slice_file_name) for r in meta.itertuples()]
    feats = pd.DataFrame(rows, columns=[f"f{i}" for i in range(len(rows[0]))])
    feats.insert(0, "slice_file_name", meta["slice_file_name"].values)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    feats.to_parquet(CACHE)
    return feats


def report(name, y_true, y_pred):
    print(
        f"{name:>10}: acc={accuracy_score(y_true, y_pred):.4f} "
        f"bal_acc={balanced_accuracy_score(y_true, y_pred):.4f} "
        f"macro_f1={f1_score(y_true, y_pred, average='macro'):.4f}"
    )


def main():
    meta = pd.read_csv(DATA / "metadata" / "UrbanSound8K.csv")
    feats = build_features(meta)
    df = meta.merge(feats, on="slice_file_name")
    feature_cols = [c for c in feats.columns if c.startswith("f")]
    X, y, groups = df[feature_cols].to_numpy(), df["classID"].to_numpy(), df["fsID"].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2)
    trainval_idx, test_idx = next(outer.split(X, y, groups))
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15)
    tr_rel, val_rel = next(inner.split(X[trainval_idx], y[trainval_idx], groups[trainval_idx]))
    tr_idx, val_idx = trainval_idx[tr_rel], trainval_idx[val_rel]

    dummy = DummyClassifier(strategy="most_frequent").fit(X[tr_idx], y[tr_idx])
    report("majority", y[test_idx], dummy.predict(X[test_idx]))

    model = LGBMClassifier(
        n_estimators=2000,
        learning_rate=0.03,
        num_leaves=63,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.6,
        class_weight="balanced",
    )
    model.fit(
        X[tr_idx], y[tr_idx],
        eval_set=[(X[val_idx], y[val_idx])],
        callbacks=[early_stopping(100), log_evaluation(200)],
    )
    report("lightgbm", y[test_idx], model.predict(X[test_idx]))
    joblib.dump({"model": model, "features": feature_cols}, "us8k_lgbm.joblib")


if __name__ == "__main__":
    main()
