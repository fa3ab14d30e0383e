import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset


class VitalsSeq(Dataset):
    """x: (n, 48, n_vars) hourly vitals/labs with NaN for unmeasured hours; mask channel appended."""

    def __init__(self, x, y, mean, std):
        obs = ~np.isnan(x)
        z = (np.nan_to_num(x, nan=0.0) - mean) / std
        z[~obs] = 0.0  # unmeasured -> normalised mean, flagged by the mask
        self.x = torch.tensor(np.concatenate([z, obs.astype(np.float32)], axis=-1), dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def build_loaders(cfg, generator):
    arr = np.load(cfg["data_npz"], allow_pickle=False)
    x, y, stay_ids = arr["x"].astype(np.float32), arr["y"], arr["stay_id"]
    splits = pd.read_csv(cfg["splits_csv"]).set_index("stay_id").loc[stay_ids, "split"].to_numpy()

    tr = splits == "train"
    mean = np.nanmean(x[tr], axis=(0, 1))
    std = np.nanstd(x[tr], axis=(0, 1)) + 1e-6

    def mk(name, shuffle):
        m = splits == name
        return DataLoader(VitalsSeq(x[m], y[m], mean, std), batch_size=cfg["batch_size"],
                          shuffle=shuffle, generator=generator if shuffle else None)

    return mk("train", True), mk("val", False), mk("test", False), x.shape[-1] * 2
