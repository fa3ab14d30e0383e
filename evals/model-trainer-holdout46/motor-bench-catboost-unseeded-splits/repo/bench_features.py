"""Turn raw end-of-line test bench summaries into model features.

Each row is one motor coming off the assembly line: vibration order spectrum peaks,
phase current harmonics and a short thermal run.
"""
import numpy as np
import pandas as pd

ORDER_COLS = [f"vib_order_{k}x" for k in (1, 2, 3, 4)]
HARMONIC_COLS = [f"i_h{k}" for k in (1, 3, 5, 7)]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["vib_total"] = np.sqrt((out[ORDER_COLS] ** 2).sum(axis=1))
    out["vib_2x_ratio"] = out["vib_order_2x"] / (out["vib_order_1x"] + 1e-6)
    out["current_thd"] = np.sqrt((out[HARMONIC_COLS[1:]] ** 2).sum(axis=1)) / out["i_h1"]
    out["phase_imbalance"] = out[["i_rms_a", "i_rms_b", "i_rms_c"]].std(axis=1) / out[
        ["i_rms_a", "i_rms_b", "i_rms_c"]
    ].mean(axis=1)
    out["temp_rise_rate"] = (out["winding_temp_end"] - out["winding_temp_start"]) / out["thermal_run_s"]
    return out


def feature_columns(df: pd.DataFrame, label: str):
    skip = {label, "serial_no", "test_timestamp", "line_id"}
    cats = [c for c in df.columns if df[c].dtype == object and c not in skip]
    nums = [c for c in df.columns if c not in skip and c not in cats]
    return nums, cats
