import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset

FEATURES = [
    "mainshock_mw", "mainshock_depth_km", "epicentral_dist_km", "delta_cfs_bar",
    "n_fore_30d", "n_after_24h", "max_after_24h_mw", "b_value_local", "fault_strike_diff",
    "is_subduction", "heatflow_mw_m2",
]
TARGET = "m4_within_7d"


class CellTable(Dataset):
    def __init__(self, X: np.ndarray, y: np.ndarray):
        self.X = torch.as_tensor(X, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def make_loaders(cfg):
    cells = pd.read_parquet(cfg["catalog"])
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=cfg["seed"])
    tr_idx, te_idx = next(gss.split(cells, groups=cells["sequence_id"]))
    tr, te = cells.iloc[tr_idx], cells.iloc[te_idx]

    scaler = StandardScaler().fit(tr[FEATURES])
    train_ds = CellTable(scaler.transform(tr[FEATURES]), tr[TARGET].to_numpy())
    test_ds = CellTable(scaler.transform(te[FEATURES]), te[TARGET].to_numpy())

    g = torch.Generator().manual_seed(cfg["seed"])
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=g)
    test_loader = DataLoader(test_ds, batch_size=4096)
    return train_loader, test_loader, scaler
