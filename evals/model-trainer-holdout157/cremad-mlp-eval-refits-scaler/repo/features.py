import glob
import os

import librosa
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

LABELS = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]


def list_clips(data_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.wav"))):
        actor, sentence, emotion, level = os.path.basename(path)[:-4].split("_")
        rows.append({"path": path, "actor": int(actor), "sentence": sentence,
                     "emotion": emotion, "level": level})
    return pd.DataFrame(rows)


def clip_features(path, sr, n_mfcc, n_mels):
    y, _ = librosa.load(path, sr=sr)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=n_mfcc)
    mel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=sr, n_mels=n_mels))
    f0, voiced, _ = librosa.pyin(y, fmin=65, fmax=400, sr=sr)
    f0 = f0[voiced] if voiced.any() else np.zeros(1)
    return np.concatenate([
        mfcc.mean(1), mfcc.std(1), mel.mean(1), mel.std(1),
        [np.nanmean(f0), np.nanstd(f0), voiced.mean()],
    ]).astype(np.float32)


def build_matrix(df, cfg):
    X = np.stack([clip_features(p, cfg["sample_rate"], cfg["n_mfcc"], cfg["n_mels"])
                  for p in df.path])
    y = np.array([LABELS.index(e) for e in df.emotion])
    return X, y


def normalize(X):
    scaler = StandardScaler()
    return scaler.fit_transform(X), scaler
