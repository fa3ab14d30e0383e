"""Loading of the pre-windowed UCI HAR inertial signals (exported to .npz by prepare_har.py)."""
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def load_split(root, split):
    arr = np.load(f"{root}/{split}.npz")
    # stored as (N, 128, 9); Conv1d wants (N, C, L)
    X = torch.from_numpy(arr["X"].transpose(0, 2, 1)).float()
    y = torch.from_numpy(arr["y"]).long()
    return TensorDataset(X, y)


def make_loaders(root, batch_size, seed):
    train_ds = load_split(root, "train")
    val_ds = load_split(root, "val")
    test_ds = load_split(root, "test")
    g = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(train_ds, batch_size=batch_size, shuffle=True, generator=g)
    val_loader = DataLoader(val_ds, batch_size=batch_size * 2)
    test_loader = DataLoader(test_ds, batch_size=batch_size * 2)
    return train_loader, val_loader, test_loader
