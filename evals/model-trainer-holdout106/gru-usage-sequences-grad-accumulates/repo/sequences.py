"""Turn the weekly usage table into fixed-length sequences ending at the snapshot."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

CHANNELS = ["sessions", "minutes", "distinct_features", "errors", "payments", "support_msgs"]


def build_sequences(weekly: pd.DataFrame, labels: pd.DataFrame, n_weeks: int):
    """weekly: customer_id, week_start, CHANNELS...  (only weeks before the snapshot)."""
    weekly = weekly.sort_values(["customer_id", "week_start"])
    ids = labels["customer_id"].to_numpy()
    seqs = np.zeros((len(ids), n_weeks, len(CHANNELS)), dtype=np.float32)
    lengths = np.zeros(len(ids), dtype=np.int64)
    grouped = dict(tuple(weekly.groupby("customer_id")))
    for i, cid in enumerate(ids):
        g = grouped.get(cid)
        if g is None:
            continue
        values = g[CHANNELS].to_numpy(dtype=np.float32)[-n_weeks:]
        seqs[i, -len(values):] = values
        lengths[i] = len(values)
    return np.log1p(seqs), lengths, labels["churned"].to_numpy(dtype=np.float32)


class SeqDataset(Dataset):
    def __init__(self, seqs, static, y):
        self.seqs, self.static, self.y = map(torch.as_tensor, (seqs, static, y))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.seqs[i], self.static[i], self.y[i]
