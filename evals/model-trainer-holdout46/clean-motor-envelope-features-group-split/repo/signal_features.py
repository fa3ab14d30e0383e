"""Per-window vibration features. Every function looks at one window only."""
import numpy as np
from scipy.signal import hilbert
from scipy.stats import kurtosis, skew

FS = 20_000
BANDS_HZ = [(0, 500), (500, 1500), (1500, 3000), (3000, 6000), (6000, 10000)]


def time_domain(w: np.ndarray) -> dict:
    rms = np.sqrt(np.mean(w ** 2))
    peak = np.max(np.abs(w))
    return {
        "rms": rms,
        "peak": peak,
        "crest": peak / (rms + 1e-12),
        "kurtosis": kurtosis(w),
        "skew": skew(w),
        "shape_factor": rms / (np.mean(np.abs(w)) + 1e-12),
    }


def band_energies(w: np.ndarray) -> dict:
    spec = np.abs(np.fft.rfft(w * np.hanning(len(w)))) ** 2
    freqs = np.fft.rfftfreq(len(w), d=1 / FS)
    total = spec.sum() + 1e-12
    return {f"band_{lo}_{hi}": np.log1p(spec[(freqs >= lo) & (freqs < hi)].sum() / total) for lo, hi in BANDS_HZ}


def envelope_peaks(w: np.ndarray, fault_freqs: dict) -> dict:
    w = (w - w.mean()) / (w.std() + 1e-12)
    env = np.abs(hilbert(w))
    spec = np.abs(np.fft.rfft(env - env.mean()))
    freqs = np.fft.rfftfreq(len(env), d=1 / FS)
    out = {}
    for name, f0 in fault_freqs.items():
        band = (freqs > 0.97 * f0) & (freqs < 1.03 * f0)
        out[f"env_{name}"] = spec[band].max() / (np.median(spec) + 1e-12)
    return out


def window_features(w: np.ndarray, shaft_hz: float) -> dict:
    fault_freqs = {"bpfo": 3.58 * shaft_hz, "bpfi": 5.42 * shaft_hz, "bsf": 2.36 * shaft_hz}
    return {**time_domain(w), **band_energies(w), **envelope_peaks(w, fault_freqs)}
