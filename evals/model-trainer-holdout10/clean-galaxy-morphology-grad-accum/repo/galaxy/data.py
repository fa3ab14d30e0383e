import h5py
import numpy as np
import torch
from torch.utils.data import Dataset
from torchvision.transforms import v2 as T

CLASSES = ["elliptical", "spiral", "barred_spiral", "edge_on", "merger", "irregular"]


def channel_stats(h5_path: str, indices: np.ndarray, chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """Per-band mean/std over the given (training) indices only."""
    s, ss, n = np.zeros(3), np.zeros(3), 0
    with h5py.File(h5_path, "r") as f:
        imgs = f["images"]
        for start in range(0, len(indices), chunk):
            batch = imgs[np.sort(indices[start:start + chunk])].astype(np.float64)   # (b, 96, 96, 3)
            s += batch.sum(axis=(0, 1, 2))
            ss += (batch ** 2).sum(axis=(0, 1, 2))
            n += batch.shape[0] * batch.shape[1] * batch.shape[2]
    mean = s / n
    return mean.astype(np.float32), np.sqrt(ss / n - mean ** 2).astype(np.float32)


class GalaxyCutouts(Dataset):
    def __init__(self, h5_path: str, indices: np.ndarray, labels: np.ndarray,
                 mean: np.ndarray, std: np.ndarray, train: bool):
        self.h5_path, self.indices, self.labels = h5_path, indices, labels
        self.norm = T.Normalize(mean.tolist(), std.tolist())
        # galaxies have no preferred orientation -> flips and right-angle rotations are label-preserving
        self.aug = T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                              T.RandomChoice([T.RandomRotation((a, a)) for a in (0, 90, 180, 270)])]) if train else None
        self._h5 = None

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, i):
        if self._h5 is None:
            self._h5 = h5py.File(self.h5_path, "r")
        img = torch.from_numpy(self._h5["images"][self.indices[i]].astype(np.float32)).permute(2, 0, 1)
        if self.aug is not None:
            img = self.aug(img)
        return self.norm(img), int(self.labels[i])
