import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import Dataset


class WaferMaps(Dataset):
    """Wafer maps stored as uint8 arrays (0 = no die, 1 = good, 2 = fail), already padded to 56x56."""

    def __init__(self, maps: np.ndarray, labels: np.ndarray, augment: bool = False):
        self.maps = torch.from_numpy(maps.astype(np.int64))
        self.labels = torch.from_numpy(labels.astype(np.int64))
        self.augment = augment

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        x = F.one_hot(self.maps[idx], num_classes=3).permute(2, 0, 1).float()
        if self.augment:
            # defect patterns are rotation/flip invariant on a round wafer
            k = int(torch.randint(0, 4, (1,)))
            x = torch.rot90(x, k, dims=(1, 2))
            if torch.rand(1).item() < 0.5:
                x = torch.flip(x, dims=(2,))
        return x, self.labels[idx]
