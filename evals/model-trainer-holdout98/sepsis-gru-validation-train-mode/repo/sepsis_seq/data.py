import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

CHANNELS = ["HR", "O2Sat", "Temp", "SBP", "MAP", "Resp", "Lactate", "WBC", "Creatinine", "Platelets"]


def to_tensor_cohort(df: pd.DataFrame, window: int):
    """Long hourly table -> (stays, window, 2 * channels) array with missingness masks."""
    df = df[df["hour"] < window].sort_values(["stay_id", "hour"])
    stay_ids = df["stay_id"].unique()
    idx = pd.MultiIndex.from_product([stay_ids, range(window)], names=["stay_id", "hour"])
    grid = df.set_index(["stay_id", "hour"])[CHANNELS].reindex(idx)
    mask = grid.notna().astype(np.float32)
    grid = grid.groupby(level="stay_id").ffill()
    labels = df.groupby("stay_id")["sepsis_after_window"].first().loc[stay_ids].to_numpy()
    patients = df.groupby("stay_id")["patient_id"].first().loc[stay_ids].to_numpy()
    values = grid.to_numpy(dtype=np.float32).reshape(len(stay_ids), window, len(CHANNELS))
    masks = mask.to_numpy().reshape(len(stay_ids), window, len(CHANNELS))
    return values, masks, labels.astype(np.float32), patients


class Standardizer:
    def fit(self, values):
        flat = values.reshape(-1, values.shape[-1])
        self.mean_ = np.nanmean(flat, axis=0)
        self.std_ = np.nanstd(flat, axis=0) + 1e-6
        return self

    def transform(self, values):
        out = (values - self.mean_) / self.std_
        return np.nan_to_num(out, nan=0.0).astype(np.float32)


class StayDataset(Dataset):
    def __init__(self, values, masks, labels):
        self.x = torch.from_numpy(np.concatenate([values, masks], axis=-1))
        self.y = torch.from_numpy(labels)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
