"""Loading, feature engineering and tensor preparation for the credit-default table."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split

PAY = [f"PAY_{i}" for i in (0, 2, 3, 4, 5, 6)]
BILL = [f"BILL_AMT{i}" for i in range(1, 7)]
PAID = [f"PAY_AMT{i}" for i in range(1, 7)]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df[["LIMIT_BAL", "AGE"] + PAY + BILL + PAID].astype(float).copy()
    out["util_last"] = df["BILL_AMT1"] / df["LIMIT_BAL"]
    out["util_mean"] = df[BILL].mean(axis=1) / df["LIMIT_BAL"]
    out["paid_ratio_mean"] = (df[PAID].to_numpy() / (df[BILL].clip(lower=1).to_numpy())).mean(axis=1)
    out["months_late"] = (df[PAY] > 0).sum(axis=1)
    out["max_delay"] = df[PAY].max(axis=1)
    out["bill_trend"] = df["BILL_AMT1"] - df["BILL_AMT6"]
    for col, k in (("SEX", 2), ("EDUCATION", 7), ("MARRIAGE", 4)):
        for v in range(1, k + 1):
            out[f"{col}_{v}"] = (df[col] == v).astype(float)
    return out


@dataclass
class Splits:
    x_tr: torch.Tensor
    y_tr: torch.Tensor
    x_va: torch.Tensor
    y_va: torch.Tensor
    x_te: torch.Tensor
    y_te: torch.Tensor


def make_splits(df: pd.DataFrame, target: str, seed: int) -> Splits:
    feats, y = engineer(df), df[target].to_numpy()
    x_dev, x_te, y_dev, y_te = train_test_split(feats, y, test_size=0.2, stratify=y, random_state=seed)
    x_tr, x_va, y_tr, y_va = train_test_split(x_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=seed)
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float32)
    x_tr, x_va, x_te = t(x_tr), t(x_va), t(x_te)

    # clipping bounds and scaling statistics: training tensor only
    lo = torch.quantile(x_tr, 0.005, dim=0)
    hi = torch.quantile(x_tr, 0.995, dim=0)
    x_tr = torch.clamp(x_tr, lo, hi)
    mean, std = x_tr.mean(dim=0), x_tr.std(dim=0).clamp_min(1e-6)
    norm = lambda x: (torch.clamp(x, lo, hi) - mean) / std
    return Splits(norm(x_tr), t(y_tr), norm(x_va), t(y_va), norm(x_te), t(y_te))
