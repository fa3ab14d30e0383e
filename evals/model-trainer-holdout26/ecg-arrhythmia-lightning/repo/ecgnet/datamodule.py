import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class BeatDataModule(L.LightningDataModule):
    """Single heartbeats (187 samples @125Hz) with 5 AAMI classes, split by patient record."""

    def __init__(self, csv_path, batch_size=256, seed=0):
        super().__init__()
        self.csv_path = csv_path
        self.batch_size = batch_size
        self.seed = seed

    def setup(self, stage=None):
        df = pd.read_csv(self.csv_path)
        signal = df.filter(like="s_").to_numpy(np.float32)
        labels = df["aami_class"].to_numpy(np.int64)
        groups = df["record_id"].to_numpy()

        outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=self.seed)
        dev_idx, test_idx = next(outer.split(signal, labels, groups))
        inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=self.seed)
        tr, va = next(inner.split(signal[dev_idx], labels[dev_idx], groups[dev_idx]))
        train_idx, val_idx = dev_idx[tr], dev_idx[va]

        counts = np.bincount(labels[train_idx], minlength=5)
        self.class_weights = torch.tensor(counts.sum() / (5 * np.maximum(counts, 1)), dtype=torch.float32)
        self.majority_class = int(counts.argmax())

        def ds(idx):
            return TensorDataset(torch.from_numpy(signal[idx]).unsqueeze(1), torch.from_numpy(labels[idx]))

        self.train_ds, self.val_ds, self.test_ds = ds(train_idx), ds(val_idx), ds(test_idx)

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.batch_size, shuffle=True, num_workers=4)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=self.batch_size * 4, num_workers=4)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=self.batch_size * 4, num_workers=4)
