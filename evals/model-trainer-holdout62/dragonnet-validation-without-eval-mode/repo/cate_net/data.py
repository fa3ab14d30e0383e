import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def load_splits(cfg):
    df = pd.read_parquet(cfg["data"])
    X = df[cfg["covariates"]].to_numpy(np.float32)
    t = df[cfg["treatment"]].to_numpy(np.float32)
    y = np.log1p(df[cfg["outcome"]].to_numpy(np.float32))

    idx = np.arange(len(df))
    idx_tr, idx_te = train_test_split(idx, test_size=0.2, stratify=t, random_state=cfg["seed"])
    idx_tr, idx_va = train_test_split(idx_tr, test_size=0.2, stratify=t[idx_tr], random_state=cfg["seed"])

    scaler = StandardScaler().fit(X[idx_tr])
    X = scaler.transform(X).astype(np.float32)

    def loader(ix, shuffle):
        ds = TensorDataset(torch.from_numpy(X[ix]), torch.from_numpy(t[ix]), torch.from_numpy(y[ix]))
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle)

    return loader(idx_tr, True), loader(idx_va, False), loader(idx_te, False), scaler
