from __future__ import annotations

import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


class PumpFaultDataModule(L.LightningDataModule):
    def __init__(self, path: str, target: str, test_size: float, val_size: float, batch_size: int, seed: int):
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        df = pd.read_parquet(hp.path)
        y = df.pop(hp.target).to_numpy(dtype=np.float32)
        X = df.select_dtypes("number").fillna(0).to_numpy(dtype=np.float32)
        X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=hp.test_size, stratify=y, random_state=hp.seed)
        X_train, X_val, y_train, y_val = train_test_split(
            X_rest, y_rest, test_size=hp.val_size / (1 - hp.test_size), stratify=y_rest, random_state=hp.seed)
        self.scaler = StandardScaler().fit(X_train)
        self.arrays = {"train": (X_train, y_train), "val": (X_val, y_val), "test": (X_test, y_test)}
        self.n_features = X.shape[1]
        self.pos_weight = float((y_train == 0).sum() / max((y_train == 1).sum(), 1))

    def _loader(self, split: str, shuffle: bool) -> DataLoader:
        X, y = self.arrays[split]
        ds = TensorDataset(torch.from_numpy(self.scaler.transform(X).astype(np.float32)), torch.from_numpy(y))
        return DataLoader(ds, batch_size=self.hparams.batch_size, shuffle=shuffle, num_workers=2)

    def train_dataloader(self):
        return self._loader("train", True)

    def val_dataloader(self):
        return self._loader("val", False)

    def test_dataloader(self):
        return self._loader("test", False)
