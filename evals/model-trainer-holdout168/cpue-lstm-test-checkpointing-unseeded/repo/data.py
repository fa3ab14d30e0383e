import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_series(path, features):
    df = pd.read_csv(path, parse_dates=["week_start"]).sort_values("week_start")
    df["log_cpue"] = np.log1p(df["catch_t"] / df["vessel_days"])
    return df.set_index("week_start")[features].interpolate(limit=3).dropna()


class WindowDataset(Dataset):
    """(window x features) -> next `horizon` weeks of log CPUE."""

    def __init__(self, arr, window, horizon, target_col=0):
        self.x, self.y = [], []
        for t in range(window, len(arr) - horizon + 1):
            self.x.append(arr[t - window:t])
            self.y.append(arr[t:t + horizon, target_col])
        self.x = torch.tensor(np.stack(self.x), dtype=torch.float32)
        self.y = torch.tensor(np.stack(self.y), dtype=torch.float32)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
