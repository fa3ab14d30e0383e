import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

# NEON AOP hyperspectral: drop water-vapour absorption windows (nm)
BAD_WINDOWS = [(1340, 1445), (1790, 1955), (2400, 2510)]


def band_mask(wavelengths):
    wl = np.asarray(wavelengths)
    keep = np.ones_like(wl, dtype=bool)
    for lo, hi in BAD_WINDOWS:
        keep &= ~((wl >= lo) & (wl <= hi))
    return keep


class CrownDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, band_cols, label_col="species_idx"):
        refl = frame[band_cols].to_numpy(np.float32)
        # brightness normalisation per crown (vector norm), independent of other samples
        self.spectra = refl / np.linalg.norm(refl, axis=1, keepdims=True).clip(1e-6)
        self.structure = frame[["chm_height_m", "crown_area_m2"]].to_numpy(np.float32)
        self.structure = np.log1p(self.structure)
        self.labels = frame[label_col].to_numpy(np.int64)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return (torch.from_numpy(self.spectra[i]), torch.from_numpy(self.structure[i]),
                torch.tensor(self.labels[i]))
