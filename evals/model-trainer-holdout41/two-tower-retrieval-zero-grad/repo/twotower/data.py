import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    """(user, positive item) pairs plus the sampling-bias correction term log(p_item)."""

    def __init__(self, pairs: pd.DataFrame, user_dense: np.ndarray, item_dense: np.ndarray, item_logq: np.ndarray):
        self.u = pairs["user_idx"].to_numpy()
        self.i = pairs["item_idx"].to_numpy()
        self.user_dense = torch.as_tensor(user_dense, dtype=torch.float32)
        self.item_dense = torch.as_tensor(item_dense, dtype=torch.float32)
        self.logq = torch.as_tensor(item_logq, dtype=torch.float32)

    def __len__(self):
        return len(self.u)

    def __getitem__(self, k):
        u, i = self.u[k], self.i[k]
        return u, self.user_dense[u], i, self.item_dense[i], self.logq[i]


def time_split(events: pd.DataFrame, valid_start: str, test_start: str):
    ts = pd.to_datetime(events["ts"])
    train = events[ts < valid_start]
    valid = events[(ts >= valid_start) & (ts < test_start)]
    test = events[ts >= test_start]
    return train, valid, test


def item_log_frequency(train: pd.DataFrame, n_items: int) -> np.ndarray:
    counts = np.bincount(train["item_idx"].to_numpy(), minlength=n_items).astype(np.float64) + 1.0
    return np.log(counts / counts.sum())
