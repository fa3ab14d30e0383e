"""Log-mel clips, already split by recording session into train/val/test .npz files."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class LogMelDataset(Dataset):
    def __init__(self, path: Path, train: bool):
        arr = np.load(path)
        self.x, self.y, self.train = arr["x"].astype(np.float32), arr["y"].astype(np.int64), train

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.x[i]
        if self.train:
            shift = np.random.randint(0, x.shape[-1])
            x = np.roll(x, shift, axis=-1)
        return torch.from_numpy(x).unsqueeze(0), self.y[i]


def build_loaders(cfg: dict, generator: torch.Generator) -> dict[str, DataLoader]:
    root = Path(cfg["root"])
    return {
        split: DataLoader(LogMelDataset(root / f"{split}.npz", train=split == "train"),
                          batch_size=cfg["batch_size"], shuffle=split == "train",
                          num_workers=cfg["num_workers"], generator=generator)
        for split in ("train", "val", "test")
    }
