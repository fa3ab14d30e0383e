"""RR-interval (HRV) features per single-lead ECG recording."""
import numpy as np
from scipy.stats import entropy


def hrv_features(r_peaks, fs=300):
    rr = np.diff(r_peaks) / fs
    drr = np.diff(rr)
    hist, _ = np.histogram(rr, bins=16, range=(0.2, 2.0))
    return {
        "mean_rr": rr.mean(),
        "sdnn": rr.std(),
        "rmssd": np.sqrt(np.mean(drr ** 2)),
        "pnn50": np.mean(np.abs(drr) > 0.05),
        "cv_rr": rr.std() / rr.mean(),
        "rr_entropy": entropy(hist + 1e-9),
        "sample_count": len(rr),
        "median_abs_drr": np.median(np.abs(drr)),
        "turning_point_ratio": np.mean((drr[1:] * drr[:-1]) < 0),
    }
