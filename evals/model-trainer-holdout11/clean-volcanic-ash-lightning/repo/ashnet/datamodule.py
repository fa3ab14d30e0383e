import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

CHANNELS = ["bt_087", "bt_108", "bt_120", "bt_134", "btd_108_120", "btd_087_108",
            "sat_zenith", "lat", "surface_temp"]
CLASSES = ["clear", "meteo_cloud", "ash"]


class AshPixels(L.LightningDataModule):
    def __init__(self, path, batch_size, val_frac, test_frac, seed):
        super().__init__()
        self.path, self.batch_size = path, batch_size
        self.val_frac, self.test_frac, self.seed = val_frac, test_frac, seed

    def setup(self, stage=None):
        df = pd.read_parquet(self.path)
        x = torch.tensor(df[CHANNELS].values, dtype=torch.float32)
        y = torch.tensor(df["label"].map({c: i for i, c in enumerate(CLASSES)}).values)
        groups = df["eruption_id"].values  # pixels of one eruption never straddle splits

        gss = GroupShuffleSplit(n_splits=1, test_size=self.test_frac, random_state=self.seed)
        dev_idx, test_idx = next(gss.split(np.zeros(len(df)), groups=groups))
        gss_val = GroupShuffleSplit(n_splits=1, test_size=self.val_frac / (1 - self.test_frac),
                                    random_state=self.seed + 1)
        tr_rel, va_rel = next(gss_val.split(dev_idx, groups=groups[dev_idx]))
        tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]

        self.mu = x[tr_idx].mean(dim=0)
        self.sigma = x[tr_idx].std(dim=0).clamp_min(1e-6)
        norm = (x - self.mu) / self.sigma
        self.class_weights = torch.bincount(y[tr_idx], minlength=len(CLASSES)).float()
        self.class_weights = self.class_weights.sum() / (len(CLASSES) * self.class_weights)
        self.train_ds = TensorDataset(norm[tr_idx], y[tr_idx])
        self.val_ds = TensorDataset(norm[va_idx], y[va_idx])
        self.test_ds = TensorDataset(norm[test_idx], y[test_idx])
        self.raw_test = df.iloc[test_idx]

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.batch_size, shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=self.batch_size * 4)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=self.batch_size * 4)
