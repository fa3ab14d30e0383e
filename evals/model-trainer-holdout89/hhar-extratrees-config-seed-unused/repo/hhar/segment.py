import numpy as np
import pandas as pd
from scipy.signal import resample_poly


def resample_recording(rec: pd.DataFrame, src_hz: int, dst_hz: int) -> np.ndarray:
    """Bring phones/watches with different native rates onto a common rate."""
    xyz = rec[["x", "y", "z"]].to_numpy(dtype=np.float64)
    g = np.gcd(src_hz, dst_hz)
    return resample_poly(xyz, dst_hz // g, src_hz // g, axis=0)


def segment(sig: np.ndarray, window: int, step: int) -> np.ndarray:
    n = (len(sig) - window) // step + 1
    if n <= 0:
        return np.empty((0, window, sig.shape[1]))
    idx = np.arange(window)[None, :] + step * np.arange(n)[:, None]
    return sig[idx]


def features(win: np.ndarray) -> np.ndarray:
    mag = np.linalg.norm(win, axis=-1, keepdims=True)
    sig = np.concatenate([win, mag], axis=-1)
    spec = np.abs(np.fft.rfft(sig - sig.mean(axis=1, keepdims=True), axis=1))
    return np.concatenate([
        sig.mean(axis=1), sig.std(axis=1), sig.min(axis=1), sig.max(axis=1),
        np.percentile(sig, 10, axis=1), np.percentile(sig, 90, axis=1),
        spec[:, 1:6].mean(axis=1), spec[:, 6:20].mean(axis=1), spec.argmax(axis=1),
    ], axis=-1)
