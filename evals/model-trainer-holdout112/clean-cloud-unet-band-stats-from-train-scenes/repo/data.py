import re
from pathlib import Path

import numpy as np
import tifffile
import torch
from torch.utils.data import Dataset

SCENE_RE = re.compile(r"(LC08_L1TP_\d{6}_\d{8}_\d{8}_01_T1)")


def list_patches(root):
    """Patch ids as found in the train_red folder (e.g. patch_192_11_by_3_LC08_L1TP_...)."""
    red = sorted((Path(root) / "train_red").glob("red_*.TIF"))
    return [p.name[len("red_"):-len(".TIF")] for p in red]


def scene_of(patch_id):
    return SCENE_RE.search(patch_id).group(1)


def load_stack(root, patch_id, bands):
    chans = [tifffile.imread(Path(root) / f"train_{b}" / f"{b}_{patch_id}.TIF") for b in bands]
    return np.stack(chans).astype(np.float32)  # (C, 384, 384), uint16 DN


def band_statistics(root, patch_ids, bands):
    total = np.zeros(len(bands))
    total_sq = np.zeros(len(bands))
    count = 0
    for pid in patch_ids:
        x = load_stack(root, pid, bands).reshape(len(bands), -1).astype(np.float64)
        valid = x.sum(0) > 0  # skip the black no-data border of the scene
        total += x[:, valid].sum(1)
        total_sq += (x[:, valid] ** 2).sum(1)
        count += valid.sum()
    mean = total / max(count, 1)
    std = np.sqrt(total_sq / max(count, 1) - mean ** 2)
    return mean.tolist(), std.tolist()


class CloudPatches(Dataset):
    def __init__(self, root, patch_ids, bands, mean, std, augment=False):
        self.root, self.ids, self.bands, self.augment = root, patch_ids, bands, augment
        self.mean = np.asarray(mean, dtype=np.float32)[:, None, None]
        self.std = np.asarray(std, dtype=np.float32)[:, None, None]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        pid = self.ids[i]
        x = (load_stack(self.root, pid, self.bands) - self.mean) / self.std
        y = (tifffile.imread(Path(self.root) / "train_gt" / f"gt_{pid}.TIF") > 0).astype(np.float32)[None]
        if self.augment:
            k = np.random.randint(4)
            x, y = np.rot90(x, k, axes=(1, 2)), np.rot90(y, k, axes=(1, 2))
            if np.random.rand() < 0.5:
                x, y = x[:, :, ::-1], y[:, :, ::-1]
        return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())
