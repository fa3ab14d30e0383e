import lightning as L
import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = ["n_creases", "n_mountain", "n_valley", "max_layers", "n_collapses", "n_sinks",
            "n_reverse_folds", "paper_ratio", "min_flap_width_pct", "n_flaps", "has_color_change"]
TARGET = "difficulty"  # mean rating of 5+ folders, 1..10


class CreasePatternData(L.LightningDataModule):
    """One row per published model (independent designs, no time ordering)."""

    def __init__(self, csv, split, batch_size, seed):
        super().__init__()
        self.csv, self.split, self.bs, self.seed = csv, split, batch_size, seed
        self.scaler = StandardScaler()

    def setup(self, stage=None):
        df = pd.read_csv(self.csv).dropna(subset=FEATURES + [TARGET])
        X = df[FEATURES].to_numpy(np.float32)
        y = df[TARGET].to_numpy(np.float32)[:, None]
        perm = np.random.default_rng(self.seed).permutation(len(df))
        n_tr, n_va = int(self.split[0] * len(df)), int(self.split[1] * len(df))
        tr, va, te = perm[:n_tr], perm[n_tr:n_tr + n_va], perm[n_tr + n_va:]

        self.scaler.fit(X[tr])
        Xs = self.scaler.transform(X).astype(np.float32)
        self.y_train_mean = float(y[tr].mean())
        make = lambda idx: TensorDataset(torch.from_numpy(Xs[idx]), torch.from_numpy(y[idx]))
        self.ds_train, self.ds_val, self.ds_test = make(tr), make(va), make(te)

    def train_dataloader(self):
        return DataLoader(self.ds_train, batch_size=self.bs, shuffle=True)

    def val_dataloader(self):
        return DataLoader(self.ds_val, batch_size=1024)

    def test_dataloader(self):
        return DataLoader(self.ds_test, batch_size=1024)
