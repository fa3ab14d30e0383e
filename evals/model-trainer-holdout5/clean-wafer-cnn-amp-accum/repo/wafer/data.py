from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


def load_wafer_maps(npz_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Raw 64x64 wafer maps (0 = off-wafer, 1 = pass, 2 = fail die) and binary defect-pattern labels."""
    blob = np.load(npz_path)
    return blob["maps"].astype(np.float32), blob["has_pattern"].astype(np.int64)


class WaferMaps(Dataset):
    def __init__(self, maps: np.ndarray, labels: np.ndarray, mean: float, std: float, augment: bool = False):
        self.maps = torch.from_numpy((maps - mean) / std).unsqueeze(1)
        self.labels = torch.from_numpy(labels).float()
        self.augment = augment

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i):
        x = self.maps[i]
        if self.augment:
            k = int(torch.randint(0, 4, (1,)))
            x = torch.rot90(x, k, dims=(1, 2))
            if torch.rand(1) < 0.5:
                x = torch.flip(x, dims=(2,))
        return x, self.labels[i]
