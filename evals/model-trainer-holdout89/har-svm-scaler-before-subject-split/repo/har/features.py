"""Hand-crafted time and frequency domain features for inertial windows."""
import numpy as np
from scipy.signal import welch
from sklearn.preprocessing import StandardScaler


def _time_features(x: np.ndarray) -> list:
    return [
        x.mean(),
        x.std(),
        np.median(np.abs(x - np.median(x))),
        x.max() - x.min(),
        np.mean(x ** 2),
        ((x[:-1] * x[1:]) < 0).mean(),
    ]


def _freq_features(x: np.ndarray, fs: float) -> list:
    freqs, pxx = welch(x, fs=fs, nperseg=min(64, len(x)))
    total = pxx.sum() + 1e-12
    dom = freqs[np.argmax(pxx)]
    centroid = float((freqs * pxx).sum() / total)
    low = pxx[freqs < 3].sum() / total
    return [dom, centroid, low]


def extract_features(windows: np.ndarray, fs: float = 50.0) -> np.ndarray:
    rows = []
    for w in windows:
        mag = np.linalg.norm(w[:, :3], axis=1)
        feats = []
        for ch in list(w.T) + [mag]:
            feats += _time_features(ch)
            feats += _freq_features(ch, fs)
        rows.append(feats)
    return np.asarray(rows, dtype=np.float64)


def normalize_features(features: np.ndarray):
    scaler = StandardScaler()
    scaled = scaler.fit_transform(features)
    return scaled, scaler
