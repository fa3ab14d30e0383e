"""Helpers for the Cell Painting MOA baseline (well-level CellProfiler profiles)."""
import glob
import os

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

COMPARTMENTS = ("Cells_", "Cytoplasm_", "Nuclei_")
NON_BIO = ("Location_", "Number_Object_Number", "Parent_", "Children_")


def load_plate_profiles(profile_dir):
    """Concatenate the per-plate *_augmented.csv.gz files written by pycytominer.annotate."""
    frames = []
    for path in sorted(glob.glob(os.path.join(profile_dir, "*_augmented.csv.gz"))):
        plate = pd.read_csv(path, low_memory=False)
        plate["Metadata_Plate"] = plate["Metadata_Plate"].astype(str)
        frames.append(plate)
    if not frames:
        raise FileNotFoundError(f"no profiles found in {profile_dir}")
    return pd.concat(frames, ignore_index=True)


def feature_columns(df):
    cols = [c for c in df.columns if c.startswith(COMPARTMENTS)]
    return [c for c in cols if not any(tok in c for tok in NON_BIO)]


def drop_bad_wells(df, feat_cols):
    vals = df[feat_cols].replace([np.inf, -np.inf], np.nan)
    ok = vals.notna().all(axis=1)
    return df.loc[ok].reset_index(drop=True)


def standardize(df, feat_cols):
    scaler = StandardScaler()
    out = df.copy()
    out[feat_cols] = scaler.fit_transform(out[feat_cols].to_numpy(dtype=np.float64))
    return out, scaler
