import numpy as np
import pandas as pd


def feature_columns(cfg):
    cols = [f"{f}_{a}" for f in cfg["base"] for a in cfg["axes"]]
    return cols + list(cfg["extra"])


def add_derived(df, cfg):
    """Cross-axis ratios and totals, one row at a time."""
    df = df.copy()
    rms = df[[f"rms_{a}" for a in cfg["axes"]]]
    df["rms_total"] = np.sqrt((rms ** 2).sum(axis=1))
    df["rms_xy_ratio"] = df["rms_x"] / df["rms_y"].replace(0, np.nan)
    df["harmonic_ratio_x"] = df["band_2x_x"] / df["band_1x_x"].replace(0, np.nan)
    df["bearing_band_max"] = df[[f"band_bpf{k}_{a}" for k in ("o", "i") for a in cfg["axes"]]].max(axis=1)
    return df


def derived_columns():
    return ["rms_total", "rms_xy_ratio", "harmonic_ratio_x", "bearing_band_max"]


def load(cfg_data, cfg_features):
    df = pd.read_parquet(cfg_data["path"])
    df = df.dropna(subset=[cfg_data["target"]])
    df = add_derived(df, cfg_features)
    cols = feature_columns(cfg_features) + derived_columns()
    return df, cols
