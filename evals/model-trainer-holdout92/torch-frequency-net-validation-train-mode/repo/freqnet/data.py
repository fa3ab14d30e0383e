import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class Standardiser:
    def fit(self, df, cols):
        self.cols = cols
        self.mean_ = df[cols].mean()
        self.std_ = df[cols].std().replace(0, 1.0)
        return self

    def transform(self, df):
        return ((df[self.cols] - self.mean_) / self.std_).to_numpy(dtype=np.float32)


def build_vocab(train_df, cat_cols):
    # index 0 is reserved for levels unseen in training
    return {c: {v: i + 1 for i, v in enumerate(sorted(train_df[c].astype(str).unique()))} for c in cat_cols}


class PolicyDataset(Dataset):
    def __init__(self, df, scaler, vocab, cat_cols):
        self.x_num = torch.from_numpy(scaler.transform(df))
        codes = [df[c].astype(str).map(vocab[c]).fillna(0).astype(np.int64).to_numpy() for c in cat_cols]
        self.x_cat = torch.from_numpy(np.stack(codes, axis=1))
        self.log_expo = torch.from_numpy(np.log(df["exposure"].to_numpy(dtype=np.float32)))
        self.y = torch.from_numpy(df["claim_count"].to_numpy(dtype=np.float32))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, idx):
        return self.x_num[idx], self.x_cat[idx], self.log_expo[idx], self.y[idx]
