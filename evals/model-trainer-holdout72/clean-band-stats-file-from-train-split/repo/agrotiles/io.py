from pathlib import Path

import numpy as np
import rasterio
import torch
from torch.utils.data import Dataset


def read_tile(root, tile_id):
    with rasterio.open(Path(root) / f"{tile_id}.tif") as src:
        return src.read(out_dtype="float32") / 10000.0


class TileClassificationDataset(Dataset):
    def __init__(self, root, tile_ids, labels, mean, std, train=False):
        self.root, self.tile_ids, self.labels = root, list(tile_ids), list(labels)
        self.mean = np.asarray(mean, "float32")[:, None, None]
        self.std = np.asarray(std, "float32")[:, None, None]
        self.train = train

    def __len__(self):
        return len(self.tile_ids)

    def __getitem__(self, i):
        x = (read_tile(self.root, self.tile_ids[i]) - self.mean) / self.std
        if self.train:
            x = np.rot90(x, k=np.random.randint(4), axes=(1, 2))
            if np.random.rand() < 0.5:
                x = x[:, ::-1]
        return torch.from_numpy(np.ascontiguousarray(x)), self.labels[i]
