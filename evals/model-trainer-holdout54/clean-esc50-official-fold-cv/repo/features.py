import os

import librosa
import numpy as np
from joblib import Parallel, delayed


def clip_descriptor(path, sr, n_mfcc):
    y, _ = librosa.load(path, sr=sr)
    mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=2048, hop_length=1024, n_mels=128)
    log_mel = librosa.power_to_db(mel)
    mfcc = librosa.feature.mfcc(S=log_mel, n_mfcc=n_mfcc)
    zcr = librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=1024)
    centroid = librosa.feature.spectral_centroid(y=y, sr=sr, n_fft=2048, hop_length=1024)
    blocks = [mfcc, librosa.feature.delta(mfcc), zcr, centroid]
    return np.concatenate([np.r_[b.mean(1), b.std(1), b.min(1), b.max(1)] for b in blocks])


def load_or_extract(meta, audio_dir, cache, sr, n_mfcc):
    if os.path.exists(cache):
        data = np.load(cache, allow_pickle=True)
        if list(data["filenames"]) == list(meta["filename"]):
            return data["X"]
    X = np.vstack(Parallel(n_jobs=-1)(
        delayed(clip_descriptor)(os.path.join(audio_dir, f), sr, n_mfcc) for f in meta["filename"]))
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    np.savez(cache, X=X, filenames=meta["filename"].to_numpy())
    return X
