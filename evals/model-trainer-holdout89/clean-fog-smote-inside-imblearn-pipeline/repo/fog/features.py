"""Freezing-of-gait window features (Daphnet: ankle, thigh and trunk accelerometers, 64 Hz)."""
import numpy as np
import pandas as pd

FS = 64
SENSORS = ["ankle", "thigh", "trunk"]


def freeze_index(sig: np.ndarray, fs: int = FS) -> float:
    """Moore et al.: power in the 3-8 Hz 'freeze' band over power in the 0.5-3 Hz locomotor band."""
    spec = np.abs(np.fft.rfft(sig - sig.mean())) ** 2
    freqs = np.fft.rfftfreq(len(sig), 1 / fs)
    loco = spec[(freqs >= 0.5) & (freqs < 3)].sum()
    freeze = spec[(freqs >= 3) & (freqs < 8)].sum()
    return float(freeze / (loco + 1e-9))


def window_features(win: pd.DataFrame) -> dict:
    out = {}
    for s in SENSORS:
        xyz = win[[f"{s}_x", f"{s}_y", f"{s}_z"]].to_numpy(float)
        mag = np.linalg.norm(xyz, axis=1)
        out[f"{s}_fi"] = freeze_index(xyz[:, 1])
        out[f"{s}_mag_std"] = mag.std()
        out[f"{s}_mag_range"] = np.ptp(mag)
        out[f"{s}_energy"] = float(np.mean((mag - mag.mean()) ** 2))
        out[f"{s}_cadence_hz"] = float(np.fft.rfftfreq(len(mag), 1 / FS)[1:][np.argmax(np.abs(np.fft.rfft(mag - mag.mean()))[1:])])
    return out


def build_windows(df: pd.DataFrame, seconds: float = 4.0, overlap: float = 0.5) -> pd.DataFrame:
    size = int(seconds * FS)
    step = int(size * (1 - overlap))
    rows = []
    for (patient, run), rec in df.groupby(["patient", "run"]):
        rec = rec[rec["annotation"] > 0].sort_values("time_ms")
        for start in range(0, len(rec) - size + 1, step):
            win = rec.iloc[start:start + size]
            feats = window_features(win)
            feats.update(patient=patient, run=run, freeze=int((win["annotation"] == 2).mean() > 0.5))
            rows.append(feats)
    return pd.DataFrame(rows)
