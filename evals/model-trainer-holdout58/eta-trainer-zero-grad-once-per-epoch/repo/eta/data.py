from __future__ import annotations

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = [
    "distance_km", "pickup_wait_min", "items", "basket_value", "courier_active_orders",
    "hour_sin", "hour_cos", "dow_sin", "dow_cos", "rain_mm", "restaurant_prep_p50",
]


def _tensor_ds(X: np.ndarray, y: np.ndarray) -> TensorDataset:
    return TensorDataset(torch.from_numpy(X.astype(np.float32)), torch.from_numpy(y.astype(np.float32)))


def make_loaders(cfg: dict, seed: int):
    dc = cfg["data"]
    df = pd.read_parquet(dc["path"])
    X, y = df[NUMERIC].to_numpy(), df[dc["target"]].to_numpy()

    X_train, X_tmp, y_train, y_tmp = train_test_split(
        X, y, test_size=dc["val_size"] + dc["test_size"], random_state=seed
    )
    X_val, X_test, y_val, y_test = train_test_split(
        X_tmp, y_tmp, test_size=dc["test_size"] / (dc["val_size"] + dc["test_size"]), random_state=seed
    )
    scaler = StandardScaler().fit(X_train)
    X_train, X_val, X_test = (scaler.transform(a) for a in (X_train, X_val, X_test))

    bs = dc["batch_size"]
    return (
        DataLoader(_tensor_ds(X_train, y_train), batch_size=bs, shuffle=True),
        DataLoader(_tensor_ds(X_val, y_val), batch_size=bs),
        DataLoader(_tensor_ds(X_test, y_test), batch_size=bs),
        float(np.median(y_train)),
    )
