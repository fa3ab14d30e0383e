import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def chronological_cut(frame: pd.DataFrame, val_start: str, test_start: str):
    """Split an hourly, time-indexed frame into train < val_start <= val < test_start <= test."""
    frame = frame.sort_index()
    train = frame.loc[: pd.Timestamp(val_start) - pd.Timedelta(hours=1)]
    val = frame.loc[val_start: pd.Timestamp(test_start) - pd.Timedelta(hours=1)]
    test = frame.loc[test_start:]
    return train, val, test


class ForecastWindows(Dataset):
    """Sliding windows whose *targets* all lie inside [target_start, end) of `values`.

    Inputs may reach back `lookback` steps before target_start (into the previous split);
    that history is observed data at forecast time, not future information.
    """

    def __init__(self, values: np.ndarray, target_start: int, lookback: int, horizon: int):
        self.values = torch.as_tensor(values, dtype=torch.float32)
        self.lookback, self.horizon = lookback, horizon
        first = max(target_start, lookback)
        self.starts = np.arange(first, len(values) - horizon + 1, horizon // 2 or 1)

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        t = self.starts[i]
        x = self.values[t - self.lookback:t]           # (lookback, n_features)
        y = self.values[t:t + self.horizon, 0]         # target column is first
        return x, y
