import lightning as L
import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset, random_split


class RVWindows(Dataset):
    """Sliding windows over daily log realized variance; target = mean log-RV over the next `horizon` days."""

    def __init__(self, log_rv: np.ndarray, exog: np.ndarray, lookback: int, horizon: int):
        self.x = np.concatenate([log_rv[:, None], exog], axis=1).astype(np.float32)
        self.y = log_rv.astype(np.float32)
        self.lookback, self.horizon = lookback, horizon

    def __len__(self):
        return len(self.y) - self.lookback - self.horizon + 1

    def __getitem__(self, i):
        past = self.x[i : i + self.lookback]
        future = self.y[i + self.lookback : i + self.lookback + self.horizon].mean()
        last = self.y[i + self.lookback - 1]
        return torch.from_numpy(past), torch.tensor(future), torch.tensor(last)


class RVDataModule(L.LightningDataModule):
    def __init__(self, csv, lookback_days, horizon_days, val_frac, test_frac, batch_size, seed=0):
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage=None):
        hp = self.hparams
        daily = pd.read_csv(hp.csv, parse_dates=["date"]).sort_values("date")
        log_rv = np.log(daily["rv"].to_numpy() + 1e-10)
        exog = daily[["abs_ret", "vix_close", "volume_z"]].to_numpy()
        windows = RVWindows(log_rv, exog, hp.lookback_days, hp.horizon_days)
        n_val, n_test = int(len(windows) * hp.val_frac), int(len(windows) * hp.test_frac)
        sizes = [len(windows) - n_val - n_test, n_val, n_test]
        gen = torch.Generator().manual_seed(hp.seed)
        self.train_set, self.val_set, self.test_set = random_split(windows, sizes, generator=gen)

    def train_dataloader(self):
        return DataLoader(self.train_set, batch_size=self.hparams.batch_size, shuffle=True, num_workers=4)

    def val_dataloader(self):
        return DataLoader(self.val_set, batch_size=self.hparams.batch_size)

    def test_dataloader(self):
        return DataLoader(self.test_set, batch_size=self.hparams.batch_size)
