"""Data module for the telco churn MLP."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytorch_lightning as pl
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUMERIC_COLS = [
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "support_tickets_90d",
    "logins_30d",
    "avg_session_minutes",
    "num_products",
]
TARGET = "churned"


def _as_dataset(features: np.ndarray, labels: np.ndarray) -> TensorDataset:
    return TensorDataset(
        torch.tensor(features, dtype=torch.float32),
        torch.tensor(labels, dtype=torch.float32),
    )


class ChurnDataModule(pl.LightningDataModule):
    def __init__(
        self,
        csv_path: str,
        batch_size: int = 256,
        val_frac: float = 0.15,
        test_frac: float = 0.15,
        num_workers: int = 2,
        seed: int = 13,
    ) -> None:
        super().__init__()
        self.csv_path = Path(csv_path)
        self.batch_size = batch_size
        self.val_frac = val_frac
        self.test_frac = test_frac
        self.num_workers = num_workers
        self.seed = seed
        self.scaler: StandardScaler | None = None
        self.train_ds = None

    def setup(self, stage: str | None = None) -> None:
        if self.train_ds is not None:
            return
        frame = pd.read_csv(self.csv_path)
        frame["total_charges"] = pd.to_numeric(frame["total_charges"], errors="coerce").fillna(0.0)
        features = frame[NUMERIC_COLS].to_numpy(dtype=np.float32)
        labels = frame[TARGET].to_numpy(dtype=np.float32)

        # normalise once so that every split shares the same scale
        self.scaler = StandardScaler().fit(features)
        features = self.scaler.transform(features).astype(np.float32)

        x_rest, x_test, y_rest, y_test = train_test_split(
            features, labels, test_size=self.test_frac, stratify=labels, random_state=self.seed
        )
        rel_val = self.val_frac / (1.0 - self.test_frac)
        x_train, x_val, y_train, y_val = train_test_split(
            x_rest, y_rest, test_size=rel_val, stratify=y_rest, random_state=self.seed
        )
        self.train_arrays = (x_train, y_train)
        self.val_arrays = (x_val, y_val)
        self.train_ds = _as_dataset(x_train, y_train)
        self.val_ds = _as_dataset(x_val, y_val)
        self.test_ds = _as_dataset(x_test, y_test)

    def _loader(self, ds: TensorDataset, shuffle: bool) -> DataLoader:
        return DataLoader(ds, batch_size=self.batch_size, shuffle=shuffle, num_workers=self.num_workers)

    def train_dataloader(self) -> DataLoader:
        return self._loader(self.train_ds, shuffle=True)

    def val_dataloader(self) -> DataLoader:
        return self._loader(self.val_ds, shuffle=False)

    def test_dataloader(self) -> DataLoader:
        return self._loader(self.test_ds, shuffle=False)
