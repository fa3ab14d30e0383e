"""Per-recording acoustic descriptors. Each recording is processed on its own (no dataset-level
statistics), so extraction can run once for the whole corpus before any split."""
import librosa
import numpy as np

SR = 16000


def describe(path: str) -> dict:
    y, sr = librosa.load(path, sr=SR)
    y, _ = librosa.effects.trim(y, top_db=25)
    f0, voiced, _ = librosa.pyin(y, fmin=60, fmax=400, sr=sr)
    f0 = f0[voiced] if voiced.any() else np.array([np.nan])
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13)
    flat = librosa.feature.spectral_flatness(y=y)
    zcr = librosa.feature.zero_crossing_rate(y)
    rms = librosa.feature.rms(y=y)
    feats = {
        "f0_mean": np.nanmean(f0),
        "f0_std": np.nanstd(f0),
        "f0_jitter": np.nanmean(np.abs(np.diff(f0))) / np.nanmean(f0) if len(f0) > 1 else np.nan,
        "shimmer_rms": np.mean(np.abs(np.diff(rms[0]))) / (rms.mean() + 1e-8),
        "flatness": flat.mean(),
        "zcr": zcr.mean(),
        "voiced_frac": voiced.mean(),
    }
    for i in range(mfcc.shape[0]):
        feats[f"mfcc{i}_mean"] = mfcc[i].mean()
        feats[f"mfcc{i}_std"] = mfcc[i].std()
    return feats
