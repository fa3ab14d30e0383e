import pandas as pd
import torch


class Standardizer:
    """Feature/target scaling; statistics are estimated from whatever tensor is passed to fit()."""

    def fit(self, t: torch.Tensor):
        self.mean = t.mean(dim=0, keepdim=True)
        self.std = t.std(dim=0, keepdim=True).clamp_min(1e-8)
        return self

    def transform(self, t):
        return (t - self.mean) / self.std

    def inverse(self, t):
        return t * self.std + self.mean


def load_splits(cfg, gen):
    df = pd.read_csv(cfg.csv)
    y = torch.tensor(df.pop("critical_temp").to_numpy(), dtype=torch.float32).unsqueeze(1)
    X = torch.tensor(df.to_numpy(), dtype=torch.float32)
    X = torch.log1p(X.clamp_min(0))          # heavy-tailed physical descriptors, element-wise

    perm = torch.randperm(len(X), generator=gen)
    n_te, n_va = int(cfg.test_frac * len(X)), int(cfg.val_frac * len(X))
    te, va, tr = perm[:n_te], perm[n_te:n_te + n_va], perm[n_te + n_va:]

    x_sc = Standardizer().fit(X[tr])
    y_sc = Standardizer().fit(y[tr])
    splits = {name: (x_sc.transform(X[idx]), y_sc.transform(y[idx]), y[idx])
              for name, idx in (("train", tr), ("val", va), ("test", te))}
    return splits, y_sc
