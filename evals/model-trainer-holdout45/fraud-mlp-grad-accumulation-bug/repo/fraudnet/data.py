import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset


def load_months(data_dir, months):
    return pd.concat([pd.read_parquet(f"{data_dir}/tx_{m}.parquet") for m in months], ignore_index=True)


class Encoders:
    """Category->index maps and numeric scaling, fitted on the training months."""

    def __init__(self, cat_cols, num_cols):
        self.cat_cols, self.num_cols = cat_cols, num_cols
        self.vocab = {}
        self.scaler = StandardScaler()

    def fit(self, df):
        for c in self.cat_cols:
            self.vocab[c] = {v: i + 1 for i, v in enumerate(df[c].astype(str).unique())}
        self.scaler.fit(df[self.num_cols].fillna(0))
        return self

    def transform(self, df):
        cats = np.stack([df[c].astype(str).map(self.vocab[c]).fillna(0).astype(int).values for c in self.cat_cols], 1)
        nums = self.scaler.transform(df[self.num_cols].fillna(0)).astype(np.float32)
        return cats, nums


class TxDataset(Dataset):
    def __init__(self, cats, nums, y):
        self.cats = torch.as_tensor(cats, dtype=torch.long)
        self.nums = torch.as_tensor(nums, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.cats[i], self.nums[i], self.y[i]
