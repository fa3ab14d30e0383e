import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "recency_days", "frequency_90d", "monetary_90d", "email_open_rate", "app_sessions_30d",
    "basket_size_avg", "discount_affinity", "tenure_days", "push_opt_in",
]


def make_splits(path: str, seed: int):
    df = pd.read_parquet(path)
    strata = df["treated"].astype(str) + df["converted"].astype(str)
    tr, rest = train_test_split(df, test_size=0.3, stratify=strata, random_state=seed)
    rest_strata = rest["treated"].astype(str) + rest["converted"].astype(str)
    va, te = train_test_split(rest, test_size=0.5, stratify=rest_strata, random_state=seed)
    scaler = StandardScaler().fit(tr[FEATURES])
    return [
        (scaler.transform(d[FEATURES]).astype(np.float32), d["treated"].to_numpy(np.float32), d["converted"].to_numpy(np.float32))
        for d in (tr, va, te)
    ]


def to_loader(X, t, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(t), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)
