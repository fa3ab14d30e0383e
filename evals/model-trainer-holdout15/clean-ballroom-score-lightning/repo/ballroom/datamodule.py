import lightning as L
import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [f"pose_{i}" for i in range(48)] + ["tempo_bpm", "sync_error_ms", "frame_stability", "floor_coverage"]
TARGET = "judges_mean"


class RoutineDataModule(L.LightningDataModule):
    """Per-routine pose statistics (extracted from competition video) -> mean judge score."""

    def __init__(self, features_path, val_fraction, test_fraction, batch_size, seed):
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage=None):
        df = pd.read_parquet(self.hparams.features_path)
        rng = np.random.default_rng(self.hparams.seed)
        # split by couple so a couple's routines never straddle train and test
        couples = df["couple_id"].unique()
        rng.shuffle(couples)
        n_te = int(len(couples) * self.hparams.test_fraction)
        n_va = int(len(couples) * self.hparams.val_fraction)
        te, va = set(couples[:n_te]), set(couples[n_te:n_te + n_va])
        parts = {
            "test": df[df["couple_id"].isin(te)],
            "val": df[df["couple_id"].isin(va)],
            "train": df[~df["couple_id"].isin(te | va)],
        }
        train_x = parts["train"][FEATURES].to_numpy(np.float32)
        self.mu, self.sigma = train_x.mean(0), train_x.std(0) + 1e-6
        self.train_target_mean = float(parts["train"][TARGET].mean())
        self.ds = {
            k: TensorDataset(torch.from_numpy((v[FEATURES].to_numpy(np.float32) - self.mu) / self.sigma),
                             torch.from_numpy(v[TARGET].to_numpy(np.float32)))
            for k, v in parts.items()
        }

    def train_dataloader(self):
        return DataLoader(self.ds["train"], batch_size=self.hparams.batch_size, shuffle=True, num_workers=2)

    def val_dataloader(self):
        return DataLoader(self.ds["val"], batch_size=256)

    def test_dataloader(self):
        return DataLoader(self.ds["test"], batch_size=256)
