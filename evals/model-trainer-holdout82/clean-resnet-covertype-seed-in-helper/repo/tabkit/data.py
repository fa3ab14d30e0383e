import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from .repro import worker_init_fn

SOIL = [f"Soil_Type{i}" for i in range(1, 41)]
AREA = [f"Wilderness_Area{i}" for i in range(1, 5)]


def load_covertype(cfg):
    df = pd.read_csv(cfg["data"]["path"])
    y = df[cfg["data"]["target"]].values - 1
    X = df.drop(columns=[cfg["data"]["target"]])
    num_cols = [c for c in X.columns if c not in SOIL + AREA]
    return X, y, num_cols


def split(X, y, cfg):
    seed, d = cfg["seed"], cfg["data"]
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=d["test_size"], stratify=y, random_state=seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=d["val_size"], stratify=y_tmp,
                                                random_state=seed)
    return (X_tr, y_tr), (X_val, y_val), (X_test, y_test)


class Standardizer:
    def __init__(self, num_cols):
        self.num_cols = num_cols
        self.scaler = StandardScaler()

    def fit(self, X):
        self.scaler.fit(X[self.num_cols])
        return self

    def transform(self, X):
        out = X.copy()
        out[self.num_cols] = self.scaler.transform(X[self.num_cols])
        return out.values.astype(np.float32)


def make_loader(X, y, batch_size, shuffle, generator=None, num_workers=0):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y.astype(np.int64)))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=generator,
                      num_workers=num_workers, worker_init_fn=worker_init_fn)
