"""Per-cycle summary features for the 60 s hydraulic load cycles."""
from pathlib import Path

import numpy as np
import pandas as pd

PROFILE_COLS = ["cooler_condition_pct", "valve_condition_pct", "pump_leakage", "accumulator_bar", "stable_flag"]


def read_sensor(data_dir, name):
    return np.loadtxt(Path(data_dir) / f"{name}.txt")


def summarize(signal, name):
    n = signal.shape[1]
    thirds = np.array_split(np.arange(n), 3)
    out = {
        f"{name}_mean": signal.mean(axis=1),
        f"{name}_std": signal.std(axis=1),
        f"{name}_max": signal.max(axis=1),
        f"{name}_min": signal.min(axis=1),
        f"{name}_slope": np.polyfit(np.arange(n), signal.T, 1)[0],
    }
    for i, idx in enumerate(thirds):
        out[f"{name}_mean_p{i}"] = signal[:, idx].mean(axis=1)
    return out


def build_cycle_table(data_dir, sensors):
    cols = {}
    for name in sensors:
        cols.update(summarize(read_sensor(data_dir, name), name))
    table = pd.DataFrame(cols)
    profile = pd.read_csv(Path(data_dir) / "profile.txt", sep="\t", header=None, names=PROFILE_COLS)
    return pd.concat([table, profile], axis=1)
