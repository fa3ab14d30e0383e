import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_scada(path, signals):
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"])
    df = df.sort_values("ts").set_index("ts")
    df = df[df["availability"] == 1]
    return df[signals + ["fault_code_active"]]


def chronological_split(df, train_end, val_end):
    train_end, val_end = pd.Timestamp(train_end), pd.Timestamp(val_end)
    train = df[df.index < train_end]
    val = df[(df.index >= train_end) & (df.index < val_end)]
    test = df[df.index >= val_end]
    return train, val, test


class ScadaWindows(Dataset):
    def __init__(self, frame, signals, window, stride, mean, std):
        values = ((frame[signals] - mean) / std).to_numpy(np.float32)
        faults = frame["fault_code_active"].to_numpy()
        self.starts = np.arange(0, len(values) - window + 1, stride)
        self.values = values
        self.faults = faults
        self.window = window

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        s = self.starts[i]
        x = torch.from_numpy(self.values[s:s + self.window].T.copy())
        y = int(self.faults[s:s + self.window].max() > 0)
        return x, y
