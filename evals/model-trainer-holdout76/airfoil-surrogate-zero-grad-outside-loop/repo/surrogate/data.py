import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


class Standardizer:
    def __init__(self, mean=None, std=None):
        self.mean, self.std = mean, std

    def fit(self, x: np.ndarray):
        self.mean = x.mean(axis=0)
        self.std = x.std(axis=0) + 1e-8
        return self

    def transform(self, x):
        return (x - self.mean) / self.std

    def inverse(self, x):
        return x * self.std + self.mean

    def state_dict(self):
        return {"mean": self.mean.tolist(), "std": self.std.tolist()}


def load_sweep(cfg):
    df = pd.read_parquet(cfg["path"])
    df = df[df["converged"]].copy()
    # XFOIL reports Cd ~ 1e-3..1e-1; regress log10(Cd) to balance the targets
    df["cd"] = np.log10(df["cd"])
    return df[cfg["inputs"]].to_numpy(np.float32), df[cfg["targets"]].to_numpy(np.float32)


def split_indices(n, val_frac, test_frac, seed):
    rng = np.random.default_rng(seed)
    idx = rng.permutation(n)
    n_test, n_val = int(n * test_frac), int(n * val_frac)
    return idx[n_test + n_val:], idx[n_test:n_test + n_val], idx[:n_test]


def make_datasets(x, y, splits):
    tr, va, te = splits
    xs, ys = Standardizer().fit(x[tr]), Standardizer().fit(y[tr])
    ds = [TensorDataset(torch.from_numpy(xs.transform(x[i])), torch.from_numpy(ys.transform(y[i])))
          for i in (tr, va, te)]
    return ds, xs, ys
