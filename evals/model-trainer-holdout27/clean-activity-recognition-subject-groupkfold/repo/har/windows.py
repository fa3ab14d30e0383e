from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

AXES = ("ax", "ay", "az")


def read_subject(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["subject"] = int(path.stem.split("_")[1])
    return df


def _window_features(win: np.ndarray, hz: int) -> dict:
    feats = {}
    mag = np.linalg.norm(win, axis=1)
    for i, name in enumerate(AXES + ("mag",)):
        sig = win[:, i] if i < 3 else mag
        spectrum = np.abs(np.fft.rfft(sig - sig.mean()))
        freqs = np.fft.rfftfreq(len(sig), d=1.0 / hz)
        feats.update(
            {
                f"{name}_mean": sig.mean(),
                f"{name}_std": sig.std(),
                f"{name}_iqr": stats.iqr(sig),
                f"{name}_energy": float(np.mean(sig**2)),
                f"{name}_skew": stats.skew(sig),
                f"{name}_dom_freq": freqs[int(np.argmax(spectrum))],
            }
        )
    feats["corr_xy"] = np.corrcoef(win[:, 0], win[:, 1])[0, 1]
    feats["corr_yz"] = np.corrcoef(win[:, 1], win[:, 2])[0, 1]
    return feats


def windowize(stream: pd.DataFrame, hz: int, window_s: float, overlap: float) -> pd.DataFrame:
    """Each output row depends only on the samples inside its own window."""
    size = int(round(hz * window_s))
    step = int(size * (1 - overlap))
    rows = []
    for (subject, session), part in stream.groupby(["subject", "session"], sort=False):
        values, labels = part[list(AXES)].to_numpy(), part["activity"].to_numpy()
        for start in range(0, len(part) - size + 1, step):
            seg_labels = labels[start : start + size]
            majority = pd.Series(seg_labels).mode().iloc[0]
            if (seg_labels == majority).mean() < 0.8:
                continue
            rows.append({"subject": subject, "session": session, "activity": majority,
                         **_window_features(values[start : start + size], hz)})
    return pd.DataFrame(rows)


def build_windows(cfg) -> pd.DataFrame:
    files = sorted(Path(cfg["raw_dir"]).glob("subject_*.csv"))
    stream = pd.concat([read_subject(f) for f in files], ignore_index=True)
    return windowize(stream, cfg["sampling_hz"], cfg["window_s"], cfg["overlap"])
