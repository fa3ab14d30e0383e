"""Per-window spectral features for rolling-element bearing diagnostics."""
import numpy as np
from scipy.signal import hilbert


def fault_frequencies(shaft_hz, n_balls, ball_d_mm, pitch_d_mm, contact_deg):
    ratio = ball_d_mm / pitch_d_mm * np.cos(np.radians(contact_deg))
    return {
        "bpfo": n_balls / 2 * shaft_hz * (1 - ratio),
        "bpfi": n_balls / 2 * shaft_hz * (1 + ratio),
        "bsf": pitch_d_mm / (2 * ball_d_mm) * shaft_hz * (1 - ratio ** 2),
    }


def frame(signal, window, hop):
    n = 1 + (len(signal) - window) // hop
    idx = np.arange(window)[None, :] + hop * np.arange(n)[:, None]
    return signal[idx]


def window_features(w, fs, bands, fault_hz):
    w = w - w.mean()
    w = w / (np.sqrt(np.mean(w ** 2)) + 1e-12)
    spec = np.abs(np.fft.rfft(w * np.hanning(len(w)))) ** 2
    freqs = np.fft.rfftfreq(len(w), 1 / fs)
    spec = spec / spec.sum()
    feats = {f"band_{lo}_{hi}": spec[(freqs >= lo) & (freqs < hi)].sum() for lo, hi in bands}
    env = np.abs(hilbert(w))
    env_spec = np.abs(np.fft.rfft(env - env.mean()))
    env_spec = env_spec / (env_spec.max() + 1e-12)
    for name, f0 in fault_hz.items():
        for k in (1, 2, 3):
            sel = np.abs(freqs - k * f0) <= 2.0
            feats[f"env_{name}_{k}x"] = env_spec[sel].max() if sel.any() else 0.0
    feats["kurtosis"] = float(np.mean(w ** 4))
    feats["crest"] = float(np.max(np.abs(w)))
    return feats
