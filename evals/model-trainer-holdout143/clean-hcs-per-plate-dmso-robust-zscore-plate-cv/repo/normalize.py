"""Plate-wise normalisation of well-level CellProfiler profiles against the DMSO wells."""
import numpy as np
import pandas as pd

MAD_SCALE = 1.4826


def robust_zscore_to_negcon(df, feat_cols, plate_col="Metadata_Plate",
                            ctrl_col="Metadata_pert_iname", ctrl_value="DMSO", eps=1e-3):
    """For every plate: (x - median_DMSO) / (1.4826 * MAD_DMSO)  (pycytominer "mad_robustize")."""
    out = []
    for plate, block in df.groupby(plate_col, sort=False):
        ctrl = block.loc[block[ctrl_col] == ctrl_value, feat_cols]
        if len(ctrl) < 8:
            raise ValueError(f"plate {plate}: only {len(ctrl)} DMSO wells")
        med = ctrl.median()
        mad = (ctrl - med).abs().median() * MAD_SCALE
        block = block.copy()
        block[feat_cols] = (block[feat_cols] - med) / (mad + eps)
        out.append(block)
    return pd.concat(out).loc[df.index]


def clip_outliers(df, feat_cols, limit=30.0):
    df = df.copy()
    df[feat_cols] = df[feat_cols].clip(-limit, limit)
    return df
