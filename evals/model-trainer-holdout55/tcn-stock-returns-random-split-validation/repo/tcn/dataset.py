import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_prices(path: str, tickers: list[str]) -> pd.DataFrame:
    px = pd.read_csv(path, parse_dates=["Date"], index_col="Date").sort_index()
    return px[tickers].dropna()


def log_returns(px: pd.DataFrame) -> pd.DataFrame:
    return np.log(px).diff().dropna()


class ReturnWindows(Dataset):
    """Z-scored return windows shaped (channels, time) for Conv1d, target = next-day return."""

    def __init__(self, returns: np.ndarray, lookback: int, target_col: int, mean=None, std=None):
        r = returns.astype(np.float32)
        self.mean = r.mean(axis=0) if mean is None else mean
        self.std = r.std(axis=0) + 1e-8 if std is None else std
        self.z = (r - self.mean) / self.std
        self.lookback = lookback
        self.target_col = target_col

    def __len__(self) -> int:
        return len(self.z) - self.lookback

    def __getitem__(self, i: int):
        x = self.z[i:i + self.lookback].T
        y = self.z[i + self.lookback, self.target_col]
        return torch.from_numpy(np.ascontiguousarray(x)), torch.tensor(y)
