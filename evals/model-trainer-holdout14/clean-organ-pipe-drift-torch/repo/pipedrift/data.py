import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

SPEC = ["pipe_length_mm", "scale_ratio", "mouth_cutup_mm", "wind_pressure_mm", "alloy_tin_pct",
        "temp_swing_c", "rh_swing_pct", "months_since_voicing"]


class PipeDrift(Dataset):
    def __init__(self, df: pd.DataFrame, stats: dict):
        x = (df[SPEC].to_numpy(np.float32) - stats["mean"]) / stats["std"]
        self.x = torch.from_numpy(x)
        self.rank = torch.as_tensor(df["rank_code"].to_numpy(), dtype=torch.long)
        self.y = torch.as_tensor(df["cents_drift"].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.rank[i], self.y[i]


def fit_stats(train_df: pd.DataFrame) -> dict:
    a = train_df[SPEC].to_numpy(np.float32)
    return {"mean": a.mean(0), "std": a.std(0) + 1e-6}
