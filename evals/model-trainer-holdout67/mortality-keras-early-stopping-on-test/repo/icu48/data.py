"""Load PhysioNet 2012-style hourly tensors for in-hospital mortality."""
from pathlib import Path

import numpy as np
import pandas as pd

CHANNELS = [
    "HR", "MAP", "SysABP", "DiasABP", "RespRate", "Temp", "SaO2", "GCS",
    "Urine", "FiO2", "pH", "PaO2", "PaCO2", "Lactate", "Creatinine", "BUN",
    "WBC", "Platelets", "HCT", "K", "Na", "Glucose",
]


def load_hourly(data_dir: Path, hours: int = 48):
    """Return (values, mask, static, y, record_ids).

    values: [n, hours, channels] with NaN where nothing was charted in that hour.
    """
    long = pd.read_parquet(data_dir / "timeseries_hourly.parquet")
    outcomes = pd.read_csv(data_dir / "outcomes.csv").set_index("RecordID")
    static = pd.read_csv(data_dir / "static.csv").set_index("RecordID")

    long = long[long["hour"] < hours]
    ids = outcomes.index.to_numpy()
    cube = np.full((len(ids), hours, len(CHANNELS)), np.nan, dtype=np.float32)
    pos = {rid: i for i, rid in enumerate(ids)}
    for ch_idx, ch in enumerate(CHANNELS):
        sub = long[long["variable"] == ch]
        rows = sub["RecordID"].map(pos).to_numpy()
        cube[rows, sub["hour"].to_numpy(), ch_idx] = sub["value"].to_numpy()

    mask = (~np.isnan(cube)).astype(np.float32)
    static_x = static.loc[ids, ["Age", "Gender", "Height", "Weight", "ICUType"]].to_numpy(np.float32)
    y = outcomes.loc[ids, "In-hospital_death"].to_numpy(np.int32)
    return cube, mask, static_x, y, ids


def forward_fill(cube: np.ndarray) -> np.ndarray:
    """Carry the last observation forward along the time axis, per stay and channel."""
    out = cube.copy()
    for t in range(1, out.shape[1]):
        missing = np.isnan(out[:, t, :])
        out[:, t, :][missing] = out[:, t - 1, :][missing]
    return out


def standardize(train: np.ndarray, *others: np.ndarray):
    mean = np.nanmean(train, axis=(0, 1), keepdims=True)
    std = np.nanstd(train, axis=(0, 1), keepdims=True) + 1e-6
    scaled = [(a - mean) / std for a in (train, *others)]
    return [np.nan_to_num(a, nan=0.0) for a in scaled]
