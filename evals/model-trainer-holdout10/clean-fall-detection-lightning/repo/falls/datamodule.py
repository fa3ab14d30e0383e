import lightning as L
import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class FallWindows(L.LightningDataModule):
    """2-second IMU windows; subjects are disjoint between train / val / test."""

    def __init__(self, path: str, batch_size: int, test_frac: float, val_frac: float, seed: int):
        super().__init__()
        self.path, self.batch_size = path, batch_size
        self.test_frac, self.val_frac, self.seed = test_frac, val_frac, seed

    def setup(self, stage: str | None = None) -> None:
        if hasattr(self, "train_ds"):
            return
        d = np.load(self.path)
        X, y, subj = d["X"].astype(np.float32), d["y"].astype(np.float32), d["subject"]
        outer = GroupShuffleSplit(n_splits=1, test_size=self.test_frac, random_state=self.seed)
        dev, test = next(outer.split(X, y, groups=subj))
        inner = GroupShuffleSplit(n_splits=1, test_size=self.val_frac, random_state=self.seed)
        tr, va = next(inner.split(X[dev], y[dev], groups=subj[dev]))
        tr, va = dev[tr], dev[va]

        # channel statistics from training subjects only
        self.mu = X[tr].mean(axis=(0, 1), keepdims=True)
        self.sd = X[tr].std(axis=(0, 1), keepdims=True) + 1e-6

        def make(idx):
            xs = torch.from_numpy((X[idx] - self.mu) / self.sd).permute(0, 2, 1).contiguous()
            return TensorDataset(xs, torch.from_numpy(y[idx]))

        self.train_ds, self.val_ds, self.test_ds = make(tr), make(va), make(test)

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.batch_size, shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=512, num_workers=2)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=512, num_workers=2)
