import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

SENSORS = ["pressure_pa", "gas_temp_c", "skin_temp_c", "humidity", "altitude_m", "purity_pct"]


class GasbagWindows(Dataset):
    """48-hour sensor windows per gasbag; target = helium loss (m^3/day) over the next week."""

    def __init__(self, frame: pd.DataFrame, mean: np.ndarray, std: np.ndarray):
        x = np.stack(frame["window"].to_numpy()).astype(np.float32)  # (n, 48, n_sensors)
        self.x = torch.from_numpy((x - mean) / std)
        self.y = torch.tensor(frame["loss_m3_day"].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def channel_stats(frame: pd.DataFrame):
    x = np.stack(frame["window"].to_numpy()).astype(np.float32)
    return x.mean(axis=(0, 1)), x.std(axis=(0, 1)) + 1e-6
