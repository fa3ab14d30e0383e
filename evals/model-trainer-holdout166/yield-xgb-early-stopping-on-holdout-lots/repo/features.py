import numpy as np
import pandas as pd

STEP_PREFIXES = ("etch_", "cvd_", "cmp_", "litho_")


def load_frame(path):
    df = pd.read_csv(path)
    # yield below 5% is almost always a scrapped / mis-probed wafer, not a process signal
    df = df[df["die_yield_pct"] >= 5.0].copy()
    return df


def add_ratio_features(df):
    """Row-wise physics ratios the process engineers asked for."""
    out = df.copy()
    out["etch_rf_reflect_ratio"] = out["etch_rf_reflected_w_mean"] / out["etch_rf_forward_w_mean"].clip(lower=1e-3)
    out["cvd_thk_range"] = out["cvd_thickness_max"] - out["cvd_thickness_min"]
    out["cmp_removal_rate"] = out["cmp_removed_nm"] / out["cmp_polish_time_s"].clip(lower=1.0)
    out["litho_dose_focus_prod"] = out["litho_dose_mj_mean"] * out["litho_focus_um_mean"]
    return out


def select_columns(df, cfg):
    cols = [c for c in df.columns if c.startswith(STEP_PREFIXES) and c not in cfg["data"]["drop"]]
    X = df[cols].astype(np.float32)
    y = df[cfg["data"]["target"]].astype(np.float32)
    groups = df[cfg["data"]["group"]]
    return X, y, groups
