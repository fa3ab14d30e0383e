import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

CLASSES = ["BARBUNYA", "BOMBAY", "CALI", "DERMASON", "HOROZ", "SEKER", "SIRA"]


class DryBeanDataModule(L.LightningDataModule):
    """Morphological shape features of 13,611 bean images, 7 varieties (BOMBAY is rare)."""

    def __init__(self, csv_path: str, batch_size: int = 256, seed: int = 0,
                 val_size: float = 0.15, test_size: float = 0.15):
        super().__init__()
        self.save_hyperparameters()
        self.scaler = StandardScaler()

    def setup(self, stage=None):
        if hasattr(self, "train_ds"):
            return
        hp = self.hparams
        df = pd.read_csv(hp.csv_path)
        x = df.drop(columns=["Class"]).to_numpy(np.float32)
        y = df["Class"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy(np.int64)

        x_rest, x_test, y_rest, y_test = train_test_split(
            x, y, test_size=hp.test_size, stratify=y, random_state=hp.seed)
        x_train, x_val, y_train, y_val = train_test_split(
            x_rest, y_rest, test_size=hp.val_size / (1 - hp.test_size), stratify=y_rest,
            random_state=hp.seed)

        self.scaler.fit(x_train)
        self.arrays = {
            "train": (self.scaler.transform(x_train), y_train),
            "val": (self.scaler.transform(x_val), y_val),
            "test": (self.scaler.transform(x_test), y_test),
        }
        self.train_ds, self.val_ds, self.test_ds = (
            TensorDataset(torch.from_numpy(a.astype(np.float32)), torch.from_numpy(b))
            for a, b in (self.arrays[k] for k in ("train", "val", "test"))
        )
        self.n_features = x.shape[1]

    def train_dataloader(self):
        g = torch.Generator().manual_seed(self.hparams.seed)
        return DataLoader(self.train_ds, batch_size=self.hparams.batch_size, shuffle=True, generator=g)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=1024)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=1024)
