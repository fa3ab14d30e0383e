import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


def physical_inputs(df: pd.DataFrame) -> np.ndarray:
    """Arrhenius-friendly coordinates: 1000/T, log P, log phi. Row-wise only."""
    return np.column_stack([
        1000.0 / df["T0_K"].to_numpy(),
        np.log(df["P0_bar"].to_numpy()),
        np.log(df["phi"].to_numpy()),
        df["x_h2_fuel"].to_numpy(),
        df["dilution_n2"].to_numpy(),
    ]).astype(np.float32)


def log_target(df, col):
    return np.log10(df[col].to_numpy()).astype(np.float32)[:, None]


class Normalizer:
    def fit(self, a):
        self.mu, self.sd = a.mean(0, keepdims=True), a.std(0, keepdims=True) + 1e-8
        return self

    def __call__(self, a):
        return (a - self.mu) / self.sd

    def inverse(self, a):
        return a * self.sd + self.mu


def build(df, cfg, generator):
    x, y = physical_inputs(df), log_target(df, cfg["target"])
    perm = torch.randperm(len(x), generator=generator).numpy()
    n_te, n_va = int(cfg["test_frac"] * len(x)), int(cfg["val_frac"] * len(x))
    idx = {"test": perm[:n_te], "val": perm[n_te:n_te + n_va], "train": perm[n_te + n_va:]}
    xn, yn = Normalizer().fit(x[idx["train"]]), Normalizer().fit(y[idx["train"]])
    sets = {k: TensorDataset(torch.from_numpy(xn(x[i])), torch.from_numpy(yn(y[i]))) for k, i in idx.items()}
    raw = {k: (x[i], y[i]) for k, i in idx.items()}
    return sets, raw, xn, yn
