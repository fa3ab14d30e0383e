"""Molecular descriptor matrix -> standardised tensors. Statistics come from the training subset only."""
from dataclasses import dataclass

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split


@dataclass
class Standardizer:
    mean: torch.Tensor
    std: torch.Tensor

    @classmethod
    def from_tensor(cls, x: torch.Tensor) -> "Standardizer":
        return cls(x.mean(dim=0), x.std(dim=0).clamp_min(1e-8))

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / self.std


def build(npz_path: str, split, batch_size: int, seed: int):
    arr = np.load(npz_path)
    X = torch.tensor(arr["X"], dtype=torch.float32)
    y = torch.tensor(arr["y"], dtype=torch.float32)

    idx_train, idx_val, idx_test = random_split(range(len(X)), split, generator=torch.Generator().manual_seed(seed))
    idx_train, idx_val, idx_test = (torch.tensor(list(s)) for s in (idx_train, idx_val, idx_test))

    x_norm = Standardizer.from_tensor(X[idx_train])
    y_norm = Standardizer.from_tensor(y[idx_train].unsqueeze(1))

    def ds(idx):
        return TensorDataset(x_norm(X[idx]), y_norm(y[idx].unsqueeze(1)).squeeze(1))

    loaders = {
        "train": DataLoader(ds(idx_train), batch_size=batch_size, shuffle=True, drop_last=True,
                            generator=torch.Generator().manual_seed(seed + 1)),
        "val": DataLoader(ds(idx_val), batch_size=1024),
        "test": DataLoader(ds(idx_test), batch_size=1024),
    }
    return loaders, y_norm
