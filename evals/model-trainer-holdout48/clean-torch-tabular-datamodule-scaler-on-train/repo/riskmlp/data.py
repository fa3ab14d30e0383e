"""DataModule for the application table: splits, preprocessing and loaders."""
from __future__ import annotations

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset


class RiskDataModule:
    def __init__(self, cfg: dict, seed: int):
        self.cfg = cfg
        self.seed = seed
        self.arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _preprocessor(self) -> ColumnTransformer:
        return ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), self.cfg["numeric"]),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore", sparse_output=False)), self.cfg["categorical"]),
        ])

    def setup(self) -> None:
        df = pd.read_parquet(self.cfg["path"])
        X = df[self.cfg["numeric"] + self.cfg["categorical"]]
        y = df[self.cfg["target"]].astype(np.float32).to_numpy()

        X_trval, X_test, y_trval, y_test = train_test_split(
            X, y, test_size=self.cfg["test_size"], stratify=y, random_state=self.seed)
        rel = self.cfg["val_size"] / (1 - self.cfg["test_size"])
        X_train, X_val, y_train, y_val = train_test_split(
            X_trval, y_trval, test_size=rel, stratify=y_trval, random_state=self.seed)

        self.scaler = self._preprocessor().fit(X_train)
        for name, (Xs, ys) in {"train": (X_train, y_train), "val": (X_val, y_val), "test": (X_test, y_test)}.items():
            self.arrays[name] = (self.scaler.transform(Xs).astype(np.float32), ys)
        self.n_features = self.arrays["train"][0].shape[1]

    def loader(self, split: str) -> DataLoader:
        X, y = self.arrays[split]
        ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
        return DataLoader(ds, batch_size=self.cfg["batch_size"], shuffle=split == "train",
                          generator=torch.Generator().manual_seed(self.seed))
