"""Per-recording signal conditioning. Every step only looks at the recording it is applied to."""
import numpy as np
import pandas as pd
from scipy.signal import butter, medfilt, resample_poly, sosfiltfilt

TARGET_HZ = 50


def resample(sig: np.ndarray, src_hz: int, dst_hz: int = TARGET_HZ) -> np.ndarray:
    g = np.gcd(src_hz, dst_hz)
    return resample_poly(sig, dst_hz // g, src_hz // g, axis=0)


def split_gravity(acc: np.ndarray, fs: int = TARGET_HZ):
    """Separate gravity (<0.3 Hz) from body acceleration with a zero-phase Butterworth filter."""
    acc = medfilt(acc, kernel_size=(3, 1))
    sos = butter(3, 0.3, btype="low", fs=fs, output="sos")
    gravity = sosfiltfilt(sos, acc, axis=0)
    return acc - gravity, gravity


def condition(rec: pd.DataFrame, src_hz: int) -> pd.DataFrame:
    acc = resample(rec[["ax", "ay", "az"]].to_numpy(float), src_hz)
    body, gravity = split_gravity(acc)
    out = pd.DataFrame(body, columns=["bx", "by", "bz"])
    out[["gx", "gy", "gz"]] = gravity
    out["body_mag"] = np.linalg.norm(body, axis=1)
    out["tilt_deg"] = np.degrees(np.arccos(np.clip(gravity[:, 2] / np.linalg.norm(gravity, axis=1), -1, 1)))
    return out
