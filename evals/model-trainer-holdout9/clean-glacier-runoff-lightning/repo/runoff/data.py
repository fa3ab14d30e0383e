import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class WindowDataset(Dataset):
    """(window x features) -> next-day runoff. Windows never cross the year-block boundary."""

    def __init__(self, feats: torch.Tensor, target: torch.Tensor, window: int):
        self.feats, self.target, self.window = feats, target, window

    def __len__(self):
        return len(self.target) - self.window

    def __getitem__(self, i):
        return self.feats[i:i + self.window], self.target[i + self.window]


def build_datasets(cfg):
    d = cfg["data"]
    df = pd.read_csv(d["csv"], parse_dates=["date"]).sort_values("date").set_index("date")
    df = df[d["inputs"]].interpolate(limit=3).dropna()
    blocks = {name: df[(df.index.year >= lo) & (df.index.year <= hi)]
              for name, (lo, hi) in [("train", d["train_years"]), ("val", d["val_years"]), ("test", d["test_years"])]}

    train_x = torch.tensor(blocks["train"].to_numpy(), dtype=torch.float32)
    mean, std = train_x.mean(dim=0), train_x.std(dim=0) + 1e-6
    t_idx = d["inputs"].index(d["target"])

    out = {}
    for name, block in blocks.items():
        x = (torch.tensor(block.to_numpy(), dtype=torch.float32) - mean) / std
        out[name] = WindowDataset(x, x[:, t_idx], d["window"])
    return out, (mean[t_idx].item(), std[t_idx].item())
