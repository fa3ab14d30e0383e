import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

CHANNELS = ["load_mva", "oil_temp_c", "ambient_c", "tap_position"]


def load_substation(path: str, rule: str) -> pd.DataFrame:
    df = pd.read_parquet(path).set_index("ts").sort_index()
    df = df[CHANNELS].resample(rule).mean()
    return df.interpolate(limit=3).dropna()


class SlidingWindows(Dataset):
    def __init__(self, arr: np.ndarray, lookback: int, horizon: int):
        self.arr = torch.as_tensor(arr, dtype=torch.float32)
        self.L, self.H = lookback, horizon

    def __len__(self):
        return len(self.arr) - self.L - self.H + 1

    def __getitem__(self, i):
        return self.arr[i:i + self.L], self.arr[i + self.L:i + self.L + self.H, 0]
