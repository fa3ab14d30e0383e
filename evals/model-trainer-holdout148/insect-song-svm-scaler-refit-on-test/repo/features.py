import librosa
import numpy as np
import pandas as pd

SR = 22050


def clip_features(path):
    """Summary MFCC + spectral descriptors for one 10 s orthopteran/cicada clip."""
    y, sr = librosa.load(path, sr=SR, duration=10.0)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=20, n_fft=2048, hop_length=512)
    d_mfcc = librosa.feature.delta(mfcc)
    centroid = librosa.feature.spectral_centroid(y=y, sr=sr)
    bandwidth = librosa.feature.spectral_bandwidth(y=y, sr=sr)
    flatness = librosa.feature.spectral_flatness(y=y)
    zcr = librosa.feature.zero_crossing_rate(y)
    parts = [mfcc.mean(1), mfcc.std(1), d_mfcc.std(1),
             [centroid.mean(), centroid.std(), bandwidth.mean(), flatness.mean(), zcr.mean()]]
    return np.concatenate([np.ravel(p) for p in parts])


def build_matrix(meta, audio_dir):
    X = np.vstack([clip_features(f"{audio_dir}/{fn}") for fn in meta["filename"]])
    return X, meta["species"].to_numpy()


def load_meta(csv_path, split):
    meta = pd.read_csv(csv_path)
    return meta[meta["split"] == split].reset_index(drop=True)
