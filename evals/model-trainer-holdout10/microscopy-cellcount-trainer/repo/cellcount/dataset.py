import numpy as np
import pandas as pd
import tifffile
import torch
from torch.utils.data import Dataset
from torchvision.transforms import v2 as T


class NucleiTiles(Dataset):
    """DAPI tiles with a manual nuclei count per tile. Intensities are scaled per tile to [0, 1]."""

    def __init__(self, index: pd.DataFrame, augment: bool = False):
        self.paths = index["tile_path"].tolist()
        self.counts = index["nuclei_count"].to_numpy(dtype=np.float32)
        self.aug = T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                              T.RandomApply([T.RandomRotation(90)], p=0.5)]) if augment else None

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, i):
        img = tifffile.imread(self.paths[i]).astype(np.float32)
        lo, hi = np.percentile(img, (1, 99.8))
        img = np.clip((img - lo) / (hi - lo + 1e-6), 0, 1)
        x = torch.from_numpy(img)[None]
        if self.aug is not None:
            x = self.aug(x)
        return x, torch.tensor([self.counts[i]])
