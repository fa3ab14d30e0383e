import numpy as np
import torch
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def load_splits(valid_size: float, test_size: float, seed: int):
    X, y = fetch_california_housing(return_X_y=True)
    X = X.astype(np.float32)
    y = np.log1p(y).astype(np.float32)
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=valid_size / (1 - test_size), random_state=seed
    )
    scaler = StandardScaler().fit(X_train)
    splits = {
        "train": (scaler.transform(X_train), y_train),
        "valid": (scaler.transform(X_valid), y_valid),
        "test": (scaler.transform(X_test), y_test),
    }
    return splits, scaler


def loader(X, y, batch_size: int, shuffle: bool, seed: int = 0) -> DataLoader:
    ds = TensorDataset(torch.from_numpy(np.asarray(X, dtype=np.float32)), torch.from_numpy(y))
    gen = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)
