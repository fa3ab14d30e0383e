import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class CarouselData(L.LightningDataModule):
    def __init__(self, cfg: dict, seed: int):
        super().__init__()
        self.cfg, self.seed = cfg, seed

    def _split(self, df):
        g = df[self.cfg["group_col"]]
        outer = GroupShuffleSplit(n_splits=1, test_size=self.cfg["test_frac"], random_state=self.seed)
        dev_idx, test_idx = next(outer.split(df, groups=g))
        dev = df.iloc[dev_idx]
        inner = GroupShuffleSplit(n_splits=1, test_size=self.cfg["val_frac"] / (1 - self.cfg["test_frac"]), random_state=self.seed)
        tr_idx, va_idx = next(inner.split(dev, groups=dev[self.cfg["group_col"]]))
        return dev.iloc[tr_idx], dev.iloc[va_idx], df.iloc[test_idx]

    def setup(self, stage=None):
        df = pd.read_csv(self.cfg["csv"])
        train, val, test = self._split(df)
        feats, tgt = self.cfg["features"], self.cfg["target"]
        self.mean = train[feats].mean()
        self.std = train[feats].std().replace(0, 1.0)
        self.baseline_mae = float(np.abs(test[tgt] - train[tgt].mean()).mean())

        def tensors(part):
            x = ((part[feats] - self.mean) / self.std).to_numpy(np.float32)
            return TensorDataset(torch.from_numpy(x), torch.tensor(part[tgt].to_numpy(), dtype=torch.float32))

        self.ds_train, self.ds_val, self.ds_test = tensors(train), tensors(val), tensors(test)

    def train_dataloader(self):
        return DataLoader(self.ds_train, batch_size=self.cfg["batch_size"], shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.ds_val, batch_size=1024)

    def test_dataloader(self):
        return DataLoader(self.ds_test, batch_size=1024)
