import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit


def set_seed(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def grouped_splits(df, group_col, test_frac, val_frac, seed):
    """Split crops so all boxes from one dive (ROV deployment) go to the same partition."""
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df[group_col]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr_idx, val_idx = next(inner.split(dev, groups=dev[group_col]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test


def filter_rare(df, label_col, min_count):
    keep = df[label_col].value_counts()
    return df[df[label_col].isin(keep[keep >= min_count].index)].reset_index(drop=True)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()
