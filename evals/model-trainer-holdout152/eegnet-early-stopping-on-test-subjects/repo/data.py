from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def load_subject(root, subject):
    d = np.load(Path(root) / f"{subject}_epochs.npz")
    return d["X"].astype(np.float32), d["y"].astype(np.int64)  # X: (n_trials, n_ch, n_times), volts


def make_loaders(cfg):
    root = cfg["data"]["root"]
    test_subjects = set(cfg["data"]["test_subjects"])
    subjects = sorted(p.name.split("_")[0] for p in Path(root).glob("S*_epochs.npz"))
    train_subjects = [s for s in subjects if s not in test_subjects]

    def stack(subs):
        Xs, ys = zip(*(load_subject(root, s) for s in subs))
        return np.concatenate(Xs) * 1e6, np.concatenate(ys)  # to microvolts

    X_tr, y_tr = stack(train_subjects)
    X_te, y_te = stack(sorted(test_subjects))

    bs = cfg["train"]["batch_size"]
    train_loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                              batch_size=bs, shuffle=True, drop_last=True)
    test_loader = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)),
                             batch_size=256, shuffle=False)
    class_counts = np.bincount(y_tr)
    return train_loader, test_loader, class_counts
