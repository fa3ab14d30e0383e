import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset


class BinnedSignals(Dataset):
    def __init__(self, x, y):
        # raw traces are int8, so a fixed /128 puts every signal in [-1, 1]
        self.x = torch.from_numpy(x.astype(np.float32) / 128.0)
        self.y = torch.from_numpy(y.astype(np.float32))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def split_by_measurement(meta, test_size, val_size, seed):
    """The three phases of one measurement share the same disturbances, so they stay together."""
    groups = meta["id_measurement"].values
    idx = np.arange(len(meta))
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    dev_idx, test_idx = next(outer.split(idx, groups=groups))
    inner = GroupShuffleSplit(n_splits=1, test_size=val_size / (1 - test_size), random_state=seed)
    tr, va = next(inner.split(dev_idx, groups=groups[dev_idx]))
    return dev_idx[tr], dev_idx[va], test_idx


def load(cfg):
    x = np.load(cfg["data"]["signals"])
    meta = pd.read_csv(cfg["data"]["metadata"]).sort_values("signal_id").reset_index(drop=True)
    y = meta["target"].values
    tr, va, te = split_by_measurement(meta, cfg["data"]["test_size"], cfg["data"]["val_size"], cfg["seed"])
    return BinnedSignals(x[tr], y[tr]), BinnedSignals(x[va], y[va]), BinnedSignals(x[te], y[te])
