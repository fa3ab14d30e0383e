"""Fingerprint regression data: one parquet with 2048-bit Morgan fingerprints + target."""
from __future__ import annotations

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset, random_split


class FingerprintDataset(Dataset):
    def __init__(self, path: str, target: str):
        df = pd.read_parquet(path)
        fp_cols = [c for c in df.columns if c.startswith("fp_")]
        self.x = torch.tensor(df[fp_cols].to_numpy(dtype=np.float32))
        self.y = torch.tensor(df[target].to_numpy(dtype=np.float32)).unsqueeze(1)

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class FingerprintDataModule:
    def __init__(self, cfg: dict):
        self.cfg = cfg["data"]

    def setup(self) -> None:
        full = FingerprintDataset(self.cfg["path"], self.cfg["target"])
        self.n_features = full.x.shape[1]
        self.train, self.val, self.test = random_split(full, self.cfg["fractions"])

    def loader(self, split: str) -> DataLoader:
        ds = getattr(self, split)
        return DataLoader(ds, batch_size=self.cfg["batch_size"], shuffle=(split == "train"))
