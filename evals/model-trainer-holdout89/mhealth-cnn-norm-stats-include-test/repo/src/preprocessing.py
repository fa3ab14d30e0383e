"""Signal preparation for the MHEALTH body-worn sensor recordings (50 Hz)."""
import numpy as np
import pandas as pd
from scipy.signal import butter, sosfiltfilt

SENSOR_COLS = [
    "chest_acc_x", "chest_acc_y", "chest_acc_z",
    "ankle_acc_x", "ankle_acc_y", "ankle_acc_z",
    "ankle_gyro_x", "ankle_gyro_y", "ankle_gyro_z",
    "arm_acc_x", "arm_acc_y", "arm_acc_z",
    "arm_gyro_x", "arm_gyro_y", "arm_gyro_z",
]


def lowpass(sig: np.ndarray, fs: float = 50.0, cutoff: float = 20.0) -> np.ndarray:
    sos = butter(4, cutoff, btype="low", fs=fs, output="sos")
    return sosfiltfilt(sos, sig, axis=0)


def windows_for_subject(df: pd.DataFrame, win: int, step: int):
    """Windows that lie entirely inside one labelled activity (label 0 = null is dropped)."""
    sig = lowpass(df[SENSOR_COLS].to_numpy(np.float32))
    lab = df["label"].to_numpy()
    xs, ys = [], []
    for start in range(0, len(df) - win + 1, step):
        seg_lab = lab[start:start + win]
        if seg_lab[0] == 0 or (seg_lab != seg_lab[0]).any():
            continue
        xs.append(sig[start:start + win])
        ys.append(seg_lab[0] - 1)
    return np.asarray(xs, np.float32), np.asarray(ys, np.int64)


def compute_channel_stats(x: np.ndarray):
    flat = x.reshape(-1, x.shape[-1])
    return flat.mean(axis=0), flat.std(axis=0) + 1e-6


def apply_channel_stats(x: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    return ((x - mean) / std).astype(np.float32)
