import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class RenewalDataset(Dataset):
    def __init__(self, df, cat_cols, num_cols, cat_maps, num_stats):
        self.cat = np.stack(
            [df[c].map(cat_maps[c]).fillna(0).astype(np.int64).values for c in cat_cols], axis=1
        )
        mu, sd = num_stats
        self.num = ((df[num_cols] - mu) / sd).fillna(0).values.astype(np.float32)
        self.y = df["renewed"].values.astype(np.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return torch.from_numpy(self.cat[i]), torch.from_numpy(self.num[i]), torch.tensor(self.y[i])


def fit_encoders(train_df, cat_cols, num_cols):
    # index 0 reserved for unseen levels
    cat_maps = {c: {v: i + 1 for i, v in enumerate(train_df[c].astype(str).unique())} for c in cat_cols}
    num_stats = (train_df[num_cols].mean(), train_df[num_cols].std().replace(0, 1))
    return cat_maps, num_stats


def prepare(df, cat_cols):
    df = df.copy()
    for c in cat_cols:
        df[c] = df[c].astype(str)
    return df
