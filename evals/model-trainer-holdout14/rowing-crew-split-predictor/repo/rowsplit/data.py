import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

STROKE_COLS = ["stroke_rate", "drive_ratio", "catch_angle", "finish_angle", "peak_force", "boat_check"]


class PieceDataset(Dataset):
    """One sample = the first 500 m of a 2 km piece (stroke-level sensor stats), target = final 500 m split (s)."""

    def __init__(self, frame: pd.DataFrame, mean: np.ndarray, std: np.ndarray):
        x = frame[STROKE_COLS].to_numpy(dtype=np.float32)
        self.x = torch.from_numpy((x - mean) / std)
        self.crew = torch.as_tensor(frame["crew_size_code"].to_numpy(), dtype=torch.long)
        self.y = torch.as_tensor(frame["last500_split_s"].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.crew[i], self.y[i]


def split_by_crew(frame: pd.DataFrame, seed: int, frac=(0.7, 0.15, 0.15)):
    crews = frame["crew_id"].unique()
    rng = np.random.default_rng(seed)
    rng.shuffle(crews)
    n_tr, n_va = int(frac[0] * len(crews)), int(frac[1] * len(crews))
    parts = crews[:n_tr], crews[n_tr:n_tr + n_va], crews[n_tr + n_va:]
    return [frame[frame["crew_id"].isin(p)].reset_index(drop=True) for p in parts]
