import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def make_loaders(cfg):
    df = pd.read_parquet(cfg["data"])
    X = df[cfg["features"]].to_numpy(np.float32)
    t = df[cfg["treatment"]].to_numpy(np.float32)
    y = df[cfg["outcome"]].to_numpy(np.float32)
    strata = (2 * t + y).astype(int)

    idx = np.arange(len(df))
    tr, te = train_test_split(idx, test_size=0.2, stratify=strata, random_state=cfg["seed"])
    tr, va = train_test_split(tr, test_size=0.15, stratify=strata[tr], random_state=cfg["seed"])

    scaler = StandardScaler().fit(X[tr])
    Xs = scaler.transform(X).astype(np.float32)
    g = torch.Generator().manual_seed(cfg["seed"])

    def dl(ix, shuffle):
        ds = TensorDataset(torch.from_numpy(Xs[ix]), torch.from_numpy(t[ix]), torch.from_numpy(y[ix]))
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, generator=g if shuffle else None,
                          drop_last=shuffle)

    arrays = {"X": Xs, "t": t, "y": y, "train": tr, "val": va, "test": te}
    return dl(tr, True), dl(va, False), dl(te, False), arrays
