import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

NUMERIC = ["laps", "track_temp_c", "avg_lateral_g", "avg_long_g", "fuel_start_kg",
           "pressure_fl", "pressure_fr", "pressure_rl", "pressure_rr", "camber_front"]
COMPOUNDS = ["C1", "C2", "C3", "C4", "C5"]
TARGET = "tread_loss_mm"


class StintDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, mean: np.ndarray, std: np.ndarray):
        num = (frame[NUMERIC].values - mean) / std
        onehot = np.stack([(frame["compound"] == c).values for c in COMPOUNDS], axis=1)
        self.x = torch.tensor(np.hstack([num, onehot]), dtype=torch.float32)
        self.y = torch.tensor(frame[TARGET].values, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def fit_stats(train_frame: pd.DataFrame):
    return train_frame[NUMERIC].values.mean(0), train_frame[NUMERIC].values.std(0) + 1e-6
