from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split


@dataclass
class Splits:
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor
    y_val: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor


def make_splits(csv_path: str, target: str, seed: int) -> Splits:
    frame = pd.read_csv(csv_path)
    y = frame.pop(target).to_numpy(dtype=np.float32)
    x = frame.to_numpy(dtype=np.float32)
    x_tv, x_te, y_tv, y_te = train_test_split(x, y, test_size=0.15, stratify=y, random_state=seed)
    x_tr, x_va, y_tr, y_va = train_test_split(x_tv, y_tv, test_size=0.15 / 0.85, stratify=y_tv,
                                              random_state=seed)
    t = lambda a: torch.from_numpy(a)
    x_tr, x_va, x_te = t(x_tr), t(x_va), t(x_te)

    # standardise with statistics of the training rows only; NaNs -> 0 after scaling (= train mean)
    mu = torch.nanmean(x_tr, dim=0)
    sd = torch.sqrt(torch.nanmean((x_tr - mu) ** 2, dim=0)).clamp_min(1e-6)
    norm = lambda a: torch.nan_to_num((a - mu) / sd, nan=0.0)
    return Splits(norm(x_tr), t(y_tr), norm(x_va), t(y_va), norm(x_te), t(y_te))
