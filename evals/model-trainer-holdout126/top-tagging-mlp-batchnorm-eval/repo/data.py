import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "jet_pt", "jet_eta", "jet_mass", "jet_nconst",
    "tau1_b1", "tau2_b1", "tau3_b1", "tau21", "tau32",
    "c2_b1", "d2_b1", "softdrop_mass", "ecf_n2",
]


def load_split(path):
    df = pd.read_hdf(path, key="jets")
    df["tau21"] = df["tau2_b1"] / df["tau1_b1"].clip(lower=1e-6)
    df["tau32"] = df["tau3_b1"] / df["tau2_b1"].clip(lower=1e-6)
    return df[FEATURES].to_numpy(np.float32), df["is_signal"].to_numpy(np.float32)


def make_loaders(train_path, val_path, test_path, batch_size):
    X_tr, y_tr = load_split(train_path)
    X_va, y_va = load_split(val_path)
    X_te, y_te = load_split(test_path)

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = (scaler.transform(a).astype(np.float32) for a in (X_tr, X_va, X_te))

    def loader(X, y, shuffle):
        ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
        return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=shuffle)

    return loader(X_tr, y_tr, True), loader(X_va, y_va, False), loader(X_te, y_te, False), scaler
