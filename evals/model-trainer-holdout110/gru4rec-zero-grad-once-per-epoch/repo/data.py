import numpy as np
import pandas as pd
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import Dataset

MAX_LEN = 20


def load_sessions(path):
    df = pd.read_csv(path, usecols=["session_id", "item_id", "timestamp"])
    df = df.sort_values(["session_id", "timestamp"])
    sess_len = df.groupby("session_id")["item_id"].transform("size")
    return df[sess_len >= 2]


def split_by_time(df, test_days=1):
    """Sessions that end in the last `test_days` days form the test set."""
    session_end = df.groupby("session_id")["timestamp"].max()
    cutoff = session_end.max() - test_days * 86400
    train = df[df["session_id"].isin(session_end[session_end < cutoff].index)]
    test = df[df["session_id"].isin(session_end[session_end >= cutoff].index)]
    # items never seen in training cannot be predicted
    test = test[test["item_id"].isin(train["item_id"].unique())]
    test = test[test.groupby("session_id")["item_id"].transform("size") >= 2]
    return train, test


def build_vocab(train):
    items = np.sort(train["item_id"].unique())
    return {item: idx + 1 for idx, item in enumerate(items)}  # 0 is padding


class PrefixDataset(Dataset):
    """Each prefix of a session is a sample whose label is the next click."""

    def __init__(self, df, vocab):
        self.samples = []
        for _, items in df.groupby("session_id")["item_id"]:
            ids = [vocab[i] for i in items]
            for t in range(1, len(ids)):
                self.samples.append((ids[max(0, t - MAX_LEN):t], ids[t]))

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        prefix, target = self.samples[idx]
        return torch.tensor(prefix, dtype=torch.long), target


def collate(batch):
    prefixes, targets = zip(*batch)
    lengths = torch.tensor([len(p) for p in prefixes])
    padded = pad_sequence(prefixes, batch_first=True, padding_value=0)
    return padded, lengths, torch.tensor(targets, dtype=torch.long)
