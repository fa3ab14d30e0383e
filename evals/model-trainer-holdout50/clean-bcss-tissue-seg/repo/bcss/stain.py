"""Reinhard colour normalisation of H&E patches to a fixed reference.

The target LAB statistics were measured once on the reference slide TCGA-A2-A0D0 (see docs/stain.md)
and are kept as constants so that every patch is mapped to the same colour space independently.
"""
import cv2
import numpy as np

TARGET_MEANS = np.array([148.60, 169.30, 105.97], dtype=np.float32)
TARGET_STDS = np.array([41.56, 9.01, 6.67], dtype=np.float32)


def reinhard_normalise(rgb, tissue_thresh=220):
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    tissue = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) < tissue_thresh
    if tissue.sum() < 100:
        return rgb
    src_means = lab[tissue].mean(axis=0)
    src_stds = lab[tissue].std(axis=0) + 1e-6
    lab = (lab - src_means) / src_stds * TARGET_STDS + TARGET_MEANS
    lab = np.clip(lab, 0, 255).astype(np.uint8)
    return cv2.cvtColor(lab, cv2.COLOR_LAB2RGB)
