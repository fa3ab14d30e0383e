import lightning as L
import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset


class WindowDataset(Dataset):
    """(lookback x stations) -> (horizon x stations) windows over one contiguous block of hours."""

    def __init__(self, values: np.ndarray, lookback: int, horizon: int, first_target: int = 0):
        self.values = torch.from_numpy(values.astype(np.float32))
        self.lookback, self.horizon = lookback, horizon
        self.starts = np.arange(max(first_target, lookback), len(values) - horizon + 1)

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        t = self.starts[i]
        return self.values[t - self.lookback:t], self.values[t:t + self.horizon]


class BikeShareData(L.LightningDataModule):
    def __init__(self, path: str, lookback: int, horizon: int, val_start: str, test_start: str, batch_size: int):
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage=None):
        hp = self.hparams
        wide = (pd.read_parquet(hp.path)
                  .pivot_table(index="hour", columns="station_id", values="rentals", aggfunc="sum")
                  .sort_index().asfreq("h").fillna(0.0))
        log_counts = np.log1p(wide.to_numpy())

        n_val = wide.index.searchsorted(pd.Timestamp(hp.val_start))
        n_test = wide.index.searchsorted(pd.Timestamp(hp.test_start))
        # scaling statistics from the training period only
        self.mu = log_counts[:n_val].mean(axis=0)
        self.sigma = log_counts[:n_val].std(axis=0) + 1e-6
        z = (log_counts - self.mu) / self.sigma

        # val/test windows may look back into the preceding period (inputs only); targets stay in their period
        self.train_ds = WindowDataset(z[:n_val], hp.lookback, hp.horizon)
        self.val_ds = WindowDataset(z[:n_test], hp.lookback, hp.horizon, first_target=n_val)
        self.test_ds = WindowDataset(z, hp.lookback, hp.horizon, first_target=n_test)

    def train_dataloader(self):
        # shuffling windows *within* the training period is fine: all of them precede validation/test
        return DataLoader(self.train_ds, batch_size=self.hparams.batch_size, shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=256, shuffle=False, num_workers=2)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=256, shuffle=False, num_workers=2)
