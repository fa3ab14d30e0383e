import albumentations as A
import numpy as np
import pandas as pd
import rasterio
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset


def assign_splits(tiles: pd.DataFrame, test_frac: float, val_frac: float, seed: int) -> pd.DataFrame:
    """Tiles cut from the same scene stay together (neighbouring tiles overlap and share context)."""
    tiles = tiles.copy()
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(outer.split(tiles, groups=tiles.scene_id))
    tiles["split"] = "train"
    tiles.loc[tiles.index[test_idx], "split"] = "test"
    dev = tiles.iloc[dev_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac, random_state=seed)
    _, val_idx = next(inner.split(dev, groups=dev.scene_id))
    tiles.loc[dev.index[val_idx], "split"] = "val"
    return tiles


def read_tile(path):
    with rasterio.open(path) as src:
        return src.read().astype(np.float32).transpose(1, 2, 0)   # H, W, bands


def read_mask(path):
    with rasterio.open(path) as src:
        return src.read(1).astype(np.int64)


def augmentations(train: bool):
    if not train:
        return None
    return A.Compose([A.RandomRotate90(), A.HorizontalFlip(), A.VerticalFlip(),
                      A.ShiftScaleRotate(0.05, 0.1, 15, p=0.3)])


class Tiles(Dataset):
    def __init__(self, frame, mean, std, aug=None):
        self.tiles, self.masks = frame.tile_path.tolist(), frame.mask_path.tolist()
        self.mean, self.std = np.asarray(mean, np.float32), np.asarray(std, np.float32)
        self.aug = aug

    def __len__(self):
        return len(self.tiles)

    def __getitem__(self, i):
        img, mask = read_tile(self.tiles[i]), read_mask(self.masks[i])
        if self.aug is not None:
            out = self.aug(image=img, mask=mask)
            img, mask = out["image"], out["mask"]
        img = (img - self.mean) / self.std
        return torch.from_numpy(img.transpose(2, 0, 1).copy()), torch.from_numpy(mask.copy())
