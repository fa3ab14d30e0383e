from pathlib import Path

import numpy as np
import rasterio
import torch
from torch.utils.data import Dataset


class TileDataset(Dataset):
    """Image/mask tile pairs exported from the regional land-cover map."""

    def __init__(self, root, tile_ids, mean, std, augment=False, ignore_index=255):
        self.root = Path(root)
        self.tile_ids = list(tile_ids)
        self.mean = np.asarray(mean, dtype="float32")[:, None, None]
        self.std = np.asarray(std, dtype="float32")[:, None, None]
        self.augment = augment
        self.ignore_index = ignore_index

    def __len__(self):
        return len(self.tile_ids)

    def _read(self, tile_id):
        with rasterio.open(self.root / "images" / f"{tile_id}.tif") as src:
            img = src.read(out_dtype="float32") / 10000.0
        with rasterio.open(self.root / "masks" / f"{tile_id}.tif") as src:
            mask = src.read(1).astype("int64")
        return img, mask

    def __getitem__(self, idx):
        img, mask = self._read(self.tile_ids[idx])
        img = (img - self.mean) / self.std
        if self.augment:
            k = np.random.randint(4)
            img, mask = np.rot90(img, k, axes=(1, 2)), np.rot90(mask, k)
            if np.random.rand() < 0.5:
                img, mask = img[:, :, ::-1], mask[:, ::-1]
        return (torch.from_numpy(np.ascontiguousarray(img)),
                torch.from_numpy(np.ascontiguousarray(mask)))
