from pathlib import Path

import lightning as L
import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import v2 as T

from caries.splits import assign_folds, channel_stats

# geometric/photometric jitter for bitewings; only ever attached to the *training* dataset below
TRAIN_AUG = [
    T.RandomHorizontalFlip(),
    T.RandomAffine(degrees=7, translate=(0.04, 0.04), scale=(0.92, 1.08)),
    T.RandomAutocontrast(p=0.3),
]


def read_gray(path):
    return np.asarray(Image.open(path).convert("L"))


class Bitewings(Dataset):
    def __init__(self, frame, image_dir, size, mean, std, augment=False):
        self.paths = [str(Path(image_dir) / f) for f in frame["file"]]
        self.labels = frame["has_caries"].to_numpy().astype(np.float32)
        ops = [T.ToImage(), T.Resize((size, size), antialias=True)]
        if augment:
            ops += TRAIN_AUG
        ops += [T.ToDtype(torch.float32, scale=True), T.Normalize([mean], [std])]
        self.tf = T.Compose(ops)

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = self.tf(read_gray(self.paths[i])[..., None])
        return img, torch.tensor(self.labels[i])


class BitewingData(L.LightningDataModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg

    def setup(self, stage=None):
        c = self.cfg
        idx = assign_folds(pd.read_csv(c["index_csv"]), c["folds"], c["seed"])
        self.test_df = idx[idx["fold"] == c["test_fold"]]
        self.val_df = idx[idx["fold"] == c["val_fold"]]
        self.train_df = idx[~idx["fold"].isin([c["test_fold"], c["val_fold"]])]
        train_paths = [str(Path(c["image_dir"]) / f) for f in self.train_df["file"]]
        self.mean, self.std = channel_stats(train_paths, read_gray, seed=c["seed"])

    def _dl(self, frame, augment=False, shuffle=False):
        c = self.cfg
        ds = Bitewings(frame, c["image_dir"], c["img_size"], self.mean, self.std, augment=augment)
        return DataLoader(ds, batch_size=c["batch_size"], shuffle=shuffle, num_workers=c["num_workers"])

    def train_dataloader(self):
        return self._dl(self.train_df, augment=True, shuffle=True)

    def val_dataloader(self):
        return self._dl(self.val_df)

    def test_dataloader(self):
        return self._dl(self.test_df)
