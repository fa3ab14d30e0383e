import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_interactions(path):
    df = pd.read_parquet(path, columns=["user_idx", "item_idx", "ts", "event"])
    df = df[df["event"].isin(["click", "add_to_cart", "purchase"])]
    return df.sort_values("ts").reset_index(drop=True)


def temporal_split(df, valid_days=7, test_days=7):
    """Last `test_days` go to test, the `valid_days` before that to validation."""
    end = df["ts"].max()
    test_start = end - pd.Timedelta(days=test_days)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    train = df[df["ts"] < valid_start]
    valid = df[(df["ts"] >= valid_start) & (df["ts"] < test_start)]
    test = df[df["ts"] >= test_start]
    known_users = set(train["user_idx"])
    known_items = set(train["item_idx"])
    valid = valid[valid["user_idx"].isin(known_users) & valid["item_idx"].isin(known_items)]
    test = test[test["user_idx"].isin(known_users) & test["item_idx"].isin(known_items)]
    return train, valid, test


def ground_truth(df):
    return df.groupby("user_idx")["item_idx"].apply(lambda s: set(s.tolist())).to_dict()


class InteractionDataset(Dataset):
    """Positive (user, item) pairs; negatives come from the other items in the batch."""

    def __init__(self, df, item_logq):
        self.users = torch.as_tensor(df["user_idx"].to_numpy(), dtype=torch.long)
        self.items = torch.as_tensor(df["item_idx"].to_numpy(), dtype=torch.long)
        self.item_logq = torch.as_tensor(item_logq, dtype=torch.float32)

    def __len__(self):
        return len(self.users)

    def __getitem__(self, idx):
        item = self.items[idx]
        return self.users[idx], item, self.item_logq[item]


def item_log_frequency(train_df, n_items, eps=1e-6):
    counts = np.bincount(train_df["item_idx"].to_numpy(), minlength=n_items).astype(np.float64)
    return np.log(counts / counts.sum() + eps)
