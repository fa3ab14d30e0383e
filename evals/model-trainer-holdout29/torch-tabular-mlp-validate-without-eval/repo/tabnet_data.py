import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class TabularDataset(Dataset):
    def __init__(self, cats: np.ndarray, nums: np.ndarray, y: np.ndarray):
        self.cats = torch.as_tensor(cats, dtype=torch.long)
        self.nums = torch.as_tensor(nums, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.cats[i], self.nums[i], self.y[i]


def fit_category_maps(frame: pd.DataFrame, cat_cols):
    """Index 0 is reserved for categories unseen in the fitting frame."""
    return {c: {v: i + 1 for i, v in enumerate(frame[c].astype(str).unique())} for c in cat_cols}


def encode_categories(frame: pd.DataFrame, maps) -> np.ndarray:
    cols = [frame[c].astype(str).map(m).fillna(0).astype(int).to_numpy() for c, m in maps.items()]
    return np.stack(cols, axis=1)


class NumericScaler:
    def fit(self, arr: np.ndarray):
        self.median_ = np.nanmedian(arr, axis=0)
        filled = np.where(np.isnan(arr), self.median_, arr)
        self.mean_ = filled.mean(axis=0)
        self.std_ = filled.std(axis=0) + 1e-6
        return self

    def transform(self, arr: np.ndarray) -> np.ndarray:
        filled = np.where(np.isnan(arr), self.median_, arr)
        return ((filled - self.mean_) / self.std_).astype(np.float32)
