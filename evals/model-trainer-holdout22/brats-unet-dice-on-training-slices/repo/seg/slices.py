from pathlib import Path

import nibabel as nib
import numpy as np
import torch
from torch.utils.data import Dataset

MODALITIES = ("flair", "t1", "t1ce", "t2")


def zscore_brain(vol):
    """Per-volume z-score over non-zero (brain) voxels."""
    brain = vol[vol > 0]
    return np.where(vol > 0, (vol - brain.mean()) / (brain.std() + 1e-8), 0.0)


class BraTSSlices(Dataset):
    """Axial 2D slices (4 modalities) with whole-tumour masks; empty slices are dropped."""

    def __init__(self, case_dirs, min_brain_frac=0.05):
        self.items = []
        for case in case_dirs:
            case = Path(case)
            vols = np.stack([zscore_brain(nib.load(case / f"{case.name}_{m}.nii.gz").get_fdata()) for m in MODALITIES])
            seg = nib.load(case / f"{case.name}_seg.nii.gz").get_fdata() > 0
            for z in range(vols.shape[-1]):
                if (vols[0, :, :, z] != 0).mean() >= min_brain_frac:
                    self.items.append((vols[..., z].astype(np.float32), seg[..., z].astype(np.float32)))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        img, mask = self.items[i]
        return torch.from_numpy(img[:, 8:232, 8:232]), torch.from_numpy(mask[None, 8:232, 8:232])
