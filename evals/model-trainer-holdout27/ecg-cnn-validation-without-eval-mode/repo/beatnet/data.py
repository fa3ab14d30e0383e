import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset


def _read(path):
    frame = pd.read_csv(path, header=None)
    signals = frame.iloc[:, :-1].to_numpy(dtype=np.float32)
    labels = frame.iloc[:, -1].to_numpy(dtype=np.int64)
    return signals, labels


def _loader(x, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(x).unsqueeze(1), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=False)


def make_loaders(cfg):
    x, y = _read(cfg.train_csv)
    x_test, y_test = _read(cfg.test_csv)
    x_tr, x_val, y_tr, y_val = train_test_split(
        x, y, test_size=cfg.val_fraction, stratify=y, random_state=cfg.seed
    )
    counts = np.bincount(y_tr, minlength=5)
    class_weights = torch.tensor(len(y_tr) / (5 * np.maximum(counts, 1)), dtype=torch.float32)
    return (
        _loader(x_tr, y_tr, cfg.batch_size, True),
        _loader(x_val, y_val, cfg.batch_size, False),
        _loader(x_test, y_test, cfg.batch_size, False),
        class_weights,
    )
