import lightning as L
import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class HARDataModule(L.LightningDataModule):
    """Windows of tri-axial accelerometer + gyro (T=128, C=6); split by subject so no person is in two splits."""

    def __init__(self, path, val_subjects, test_subjects, batch_size, seed):
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage=None):
        z = np.load(self.hparams.path)
        x, y, subj = z["x"].astype(np.float32), z["y"].astype(np.int64), z["subject"]
        outer = GroupShuffleSplit(n_splits=1, test_size=self.hparams.test_subjects, random_state=self.hparams.seed)
        dev, test = next(outer.split(x, y, groups=subj))
        inner = GroupShuffleSplit(n_splits=1, test_size=self.hparams.val_subjects, random_state=self.hparams.seed)
        tr, va = next(inner.split(x[dev], y[dev], groups=subj[dev]))
        tr, va = dev[tr], dev[va]

        # per-channel standardisation from training windows only
        mu = x[tr].mean(axis=(0, 1), keepdims=True)
        sd = x[tr].std(axis=(0, 1), keepdims=True) + 1e-6
        norm = lambda a: torch.from_numpy((a - mu) / sd)  # noqa: E731
        self.train_ds = TensorDataset(norm(x[tr]), torch.from_numpy(y[tr]))
        self.val_ds = TensorDataset(norm(x[va]), torch.from_numpy(y[va]))
        self.test_ds = TensorDataset(norm(x[test]), torch.from_numpy(y[test]))
        self.majority_class = int(np.bincount(y[tr]).argmax())
        self.num_classes = int(y.max()) + 1

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.hparams.batch_size, shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=512, num_workers=2)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=512, num_workers=2)
