"""LightningDataModule for the term-deposit propensity model."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytorch_lightning as pl
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = ["age", "balance", "campaign", "pdays", "previous", "emp_var_rate", "cons_price_idx", "euribor3m"]
CATEGORICAL = ["job", "marital", "education", "contact", "poutcome"]
TARGET = "subscribed"


class TermDepositDataModule(pl.LightningDataModule):
    """Splits first (stratified, seeded); every transform is fitted on the training rows only."""

    def __init__(self, csv_path: str, batch_size: int, val_size: float, test_size: float, seed: int, num_workers: int = 2):
        super().__init__()
        self.save_hyperparameters()
        self.scaler = StandardScaler()
        self.encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        self._prepared = False

    def _encode(self, df: pd.DataFrame, fit: bool = False) -> np.ndarray:
        if fit:
            self.scaler.fit(df[NUMERIC])
            self.encoder.fit(df[CATEGORICAL])
        num = self.scaler.transform(df[NUMERIC])
        cat = self.encoder.transform(df[CATEGORICAL])
        return np.hstack([num, cat]).astype(np.float32)

    def setup(self, stage: str | None = None) -> None:
        if self._prepared:
            return
        hp = self.hparams
        df = pd.read_csv(hp.csv_path, sep=";")
        df[TARGET] = (df["y"] == "yes").astype(np.float32)

        dev_df, test_df = train_test_split(df, test_size=hp.test_size, stratify=df[TARGET], random_state=hp.seed)
        train_df, val_df = train_test_split(
            dev_df, test_size=hp.val_size / (1 - hp.test_size), stratify=dev_df[TARGET], random_state=hp.seed
        )

        self.x_train = self._encode(train_df, fit=True)
        self.x_val = self._encode(val_df)
        self.x_test = self._encode(test_df)
        self.y_train, self.y_val, self.y_test = (d[TARGET].to_numpy(np.float32) for d in (train_df, val_df, test_df))
        self.n_features = self.x_train.shape[1]
        self._prepared = True

    @staticmethod
    def _ds(x: np.ndarray, y: np.ndarray) -> TensorDataset:
        return TensorDataset(torch.from_numpy(x), torch.from_numpy(y))

    def train_dataloader(self):
        return DataLoader(self._ds(self.x_train, self.y_train), batch_size=self.hparams.batch_size,
                          shuffle=True, num_workers=self.hparams.num_workers)

    def val_dataloader(self):
        return DataLoader(self._ds(self.x_val, self.y_val), batch_size=1024, num_workers=self.hparams.num_workers)

    def test_dataloader(self):
        return DataLoader(self._ds(self.x_test, self.y_test), batch_size=1024, num_workers=self.hparams.num_workers)
