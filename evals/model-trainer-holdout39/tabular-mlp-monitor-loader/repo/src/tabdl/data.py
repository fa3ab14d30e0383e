import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def load_frame(cfg: dict) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_csv(cfg["data_path"], sep=";")
    y = (df.pop(cfg["target"]) == "yes").astype(np.float32)
    return df[cfg["numeric"] + cfg["categorical"]], y


def make_splits(X, y, cfg):
    return train_test_split(X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])


def make_preprocessor(cfg) -> ColumnTransformer:
    return ColumnTransformer([
        ("num", StandardScaler(), cfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cfg["categorical"]),
    ])


def to_loader(X: np.ndarray, y: pd.Series, batch_size: int, shuffle: bool, seed: int) -> DataLoader:
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y.to_numpy()))
    gen = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)
