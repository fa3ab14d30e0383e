"""Clip-level MFCC summary features (mean/std of MFCC, deltas, spectral contrast)."""
import numpy as np
import librosa

SR = 22050
N_MFCC = 20


def clip_features(path: str) -> np.ndarray:
    y, sr = librosa.load(path, sr=SR, mono=True, duration=10.0)
    y, _ = librosa.effects.trim(y, top_db=30)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=N_MFCC, n_fft=2048, hop_length=512)
    d1 = librosa.feature.delta(mfcc)
    contrast = librosa.feature.spectral_contrast(y=y, sr=sr, hop_length=512)
    centroid = librosa.feature.spectral_centroid(y=y, sr=sr, hop_length=512)
    blocks = [mfcc, d1, contrast, centroid]
    return np.concatenate([np.r_[b.mean(axis=1), b.std(axis=1)] for b in blocks])
