import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_listens(path, min_completion=0.5):
    df = pd.read_parquet(path, columns=["user_idx", "episode_idx", "ts", "completion"])
    df = df[df["completion"] >= min_completion]
    df["ts"] = pd.to_datetime(df["ts"])
    return df.sort_values(["ts", "user_idx"]).reset_index(drop=True)


def split_by_time(df, valid_days, test_days):
    test_start = df["ts"].max() - pd.Timedelta(days=test_days)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    return (df[df["ts"] < valid_start],
            df[(df["ts"] >= valid_start) & (df["ts"] < test_start)],
            df[df["ts"] >= test_start])


def last_n_histories(history_df, n_users, history_len, pad_idx):
    """Most recent `history_len` episodes per user from `history_df`, left-padded."""
    hist = np.full((n_users, history_len), pad_idx, dtype=np.int64)
    for user, eps in history_df.groupby("user_idx")["episode_idx"]:
        tail = eps.to_numpy()[-history_len:]
        hist[user, history_len - len(tail):] = tail
    return torch.as_tensor(hist)


class NextEpisodeDataset(Dataset):
    """(history before the listen, listened episode) pairs built within the training period."""

    def __init__(self, train_df, history_len, pad_idx):
        users, items, hists = [], [], []
        for user, eps in train_df.groupby("user_idx")["episode_idx"]:
            eps = eps.to_numpy()
            for t in range(1, len(eps)):
                h = eps[max(0, t - history_len):t]
                hists.append(np.pad(h, (history_len - len(h), 0), constant_values=pad_idx))
                users.append(user)
                items.append(eps[t])
        self.hist = torch.as_tensor(np.stack(hists))
        self.items = torch.as_tensor(np.array(items))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, idx):
        return self.hist[idx], self.items[idx]
