import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_sessions(path, min_len=2):
    clicks = pd.read_parquet(path, columns=["session_id", "item_id", "ts"])
    clicks = clicks.sort_values(["session_id", "ts"])
    sizes = clicks.groupby("session_id")["item_id"].transform("size")
    return clicks[sizes >= min_len]


def split_by_day(clicks, n_valid_days=1, n_test_days=1):
    start = clicks.groupby("session_id")["ts"].transform("min")
    day = pd.to_datetime(start, unit="s").dt.normalize()
    last = day.max()
    test_from = last - pd.Timedelta(days=n_test_days - 1)
    valid_from = test_from - pd.Timedelta(days=n_valid_days)
    return clicks[day < valid_from], clicks[(day >= valid_from) & (day < test_from)], clicks[day >= test_from]


def build_vocab(train_clicks):
    items = train_clicks["item_id"].unique()
    return {it: i + 1 for i, it in enumerate(items)}  # 0 = padding / unknown


class PrefixDataset(Dataset):
    """Every (prefix -> next item) pair of every session, prefixes left-padded to max_len."""

    def __init__(self, clicks, vocab, max_len=20):
        self.inputs, self.targets = [], []
        for _, seq in clicks.groupby("session_id", sort=False)["item_id"]:
            ids = [vocab.get(x, 0) for x in seq.to_numpy()]
            for t in range(1, len(ids)):
                if ids[t] == 0:
                    continue
                prefix = ids[max(0, t - max_len):t]
                self.inputs.append([0] * (max_len - len(prefix)) + prefix)
                self.targets.append(ids[t])
        self.inputs = torch.tensor(np.array(self.inputs), dtype=torch.long)
        self.targets = torch.tensor(self.targets, dtype=torch.long)

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, i):
        return self.inputs[i], self.targets[i]
