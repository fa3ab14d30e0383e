import numpy as np
import torch
from torch.utils.data import Dataset


class WindowDataset(Dataset):
    """(context -> horizon) windows over a (T, n_sensors) array; windows never cross the array's end."""

    def __init__(self, values: np.ndarray, context: int, horizon: int):
        self.values = torch.as_tensor(values, dtype=torch.float32)
        self.context, self.horizon = context, horizon

    def __len__(self):
        return len(self.values) - self.context - self.horizon + 1

    def __getitem__(self, i):
        c = self.context
        return self.values[i:i + c], self.values[i + c:i + c + self.horizon]


def chronological_split(frame, val_frac=0.1, test_frac=0.2):
    n = len(frame)
    n_test, n_val = int(n * test_frac), int(n * val_frac)
    train = frame.iloc[: n - n_val - n_test]
    val = frame.iloc[n - n_val - n_test: n - n_test]
    test = frame.iloc[n - n_test:]
    return train, val, test


def lag_matrix(values: np.ndarray, context: int, horizon: int):
    """Flattened windows for the sklearn baseline."""
    ds = WindowDataset(values, context, horizon)
    X = np.stack([ds[i][0].numpy().ravel() for i in range(len(ds))])
    Y = np.stack([ds[i][1].numpy().ravel() for i in range(len(ds))])
    return X, Y
