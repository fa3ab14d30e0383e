import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def make_loaders(path, target, batch_size, seed):
    df = pd.read_parquet(path)
    y = df.pop(target).to_numpy(dtype=np.float32)
    X = df.select_dtypes("number").fillna(0).to_numpy(dtype=np.float32)

    X_tr, X_tmp, y_tr, y_tmp = train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)
    X_va, X_te, y_va, y_te = train_test_split(X_tmp, y_tmp, test_size=0.5, stratify=y_tmp, random_state=seed)

    scaler = StandardScaler().fit(X_tr)
    splits = {"train": (X_tr, y_tr), "val": (X_va, y_va), "test": (X_te, y_te)}
    loaders = {}
    for name, (xs, ys) in splits.items():
        ds = TensorDataset(torch.from_numpy(scaler.transform(xs).astype(np.float32)), torch.from_numpy(ys))
        loaders[name] = DataLoader(ds, batch_size=batch_size, shuffle=(name == "train"),
                                   generator=torch.Generator().manual_seed(seed) if name == "train" else None)
    return loaders, X.shape[1], (X_tr, y_tr, X_te, y_te)
