import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

PAD, UNK = 0, 1


def split_sessions(df: pd.DataFrame, test_frac: float, val_frac: float):
    """Hold out whole sessions: the most recent ones by start time go to val/test."""
    starts = df.groupby("session_id")["ts"].min().sort_values()
    n = len(starts)
    n_test, n_val = int(n * test_frac), int(n * val_frac)
    test_ids = set(starts.index[n - n_test:])
    val_ids = set(starts.index[n - n_test - n_val:n - n_test])
    tr = df[~df["session_id"].isin(test_ids | val_ids)]
    return tr, df[df["session_id"].isin(val_ids)], df[df["session_id"].isin(test_ids)]


def build_vocab(train_df: pd.DataFrame, min_count: int):
    counts = train_df["track_id"].value_counts()
    keep = counts[counts >= min_count].index
    return {t: i + 2 for i, t in enumerate(keep)}


class SessionDataset(Dataset):
    def __init__(self, df, vocab, max_len):
        self.seqs = [
            [vocab.get(t, UNK) for t in g.sort_values("ts")["track_id"]][-max_len:]
            for _, g in df.groupby("session_id")
        ]
        self.seqs = [s for s in self.seqs if len(s) >= 2]
        self.max_len = max_len

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, i):
        s = self.seqs[i]
        x = np.full(self.max_len - 1, PAD)
        y = np.full(self.max_len - 1, PAD)
        x[: len(s) - 1], y[: len(s) - 1] = s[:-1], s[1:]
        return torch.from_numpy(x), torch.from_numpy(y)
