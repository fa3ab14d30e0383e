"""Speaker-independent emotion classifier on RAVDESS speech (8 classes).

Features: MFCC + delta stats, chroma, spectral contrast, ZCR, RMS -> RBF SVM.
Actors 1-24; we hold out ~20% of actors so no test speaker is seen in training.
"""
import argparse
import glob
import os

import joblib
import librosa
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score, recall_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

EMOTIONS = {"01": "neutral", "02": "calm", "03": "happy", "04": "sad",
            "05": "angry", "06": "fearful", "07": "disgust", "08": "surprised"}
SR = 16000


def parse_name(path):
    # 03-01-05-01-02-01-12.wav -> modality, channel, emotion, intensity, statement, repetition, actor
    parts = os.path.basename(path)[:-4].split("-")
    return {"path": path, "emotion": EMOTIONS[parts[2]], "intensity": int(parts[3]),
            "actor": int(parts[6])}


def extract(path):
    y, _ = librosa.load(path, sr=SR)
    y, _ = librosa.effects.trim(y, top_db=30)
    mfcc = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40, n_fft=512, hop_length=160)
    d1 = librosa.feature.delta(mfcc)
    chroma = librosa.feature.chroma_stft(y=y, sr=SR, n_fft=512, hop_length=160)
    contrast = librosa.feature.spectral_contrast(y=y, sr=SR, n_fft=512, hop_length=160)
    zcr = librosa.feature.zero_crossing_rate(y, hop_length=160)
    rms = librosa.feature.rms(y=y, hop_length=160)
    feats = [mfcc.mean(1), mfcc.std(1), d1.mean(1), d1.std(1), chroma.mean(1),
             contrast.mean(1), [zcr.mean(), zcr.std(), rms.mean(), rms.std()]]
    return np.concatenate([np.asarray(f, dtype=np.float32) for f in feats])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data_dir", default="data/RAVDESS/Audio_Speech_Actors_01-24")
    ap.add_argument("--out", default="models/svm_ravdess.joblib")
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.data_dir, "Actor_*", "*.wav")))
    meta = pd.DataFrame([parse_name(f) for f in files])
    print(meta.groupby("emotion").size())

    X = np.stack([extract(p) for p in meta.path])
    y = meta.emotion.values
    groups = meta.actor.values

    scaler = StandardScaler()
    X = scaler.fit_transform(X)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr_idx, te_idx = next(gss.split(X, y, groups))
    print("test actors:", sorted(set(groups[te_idx])))

    clf = SVC(C=args.C, kernel="rbf", gamma="scale", class_weight="balanced",
              random_state=args.seed)
    clf.fit(X[tr_idx], y[tr_idx])

    pred = clf.predict(X[te_idx])
    print(classification_report(y[te_idx], pred, digits=3))
    print("UAR:", recall_score(y[te_idx], pred, average="macro"))
    print("macro-F1:", f1_score(y[te_idx], pred, average="macro"))

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    joblib.dump({"scaler": scaler, "clf": clf}, args.out)


if __name__ == "__main__":
    main()
