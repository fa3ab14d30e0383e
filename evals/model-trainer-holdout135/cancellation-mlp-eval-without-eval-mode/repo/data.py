import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def time_split(df, val_start, test_start):
    ts = df["order_ts"]
    train = df[ts < val_start]
    val = df[(ts >= val_start) & (ts < test_start)]
    test = df[ts >= test_start]
    return train, val, test


def build_vocab(train, categorical):
    # index 0 reserved for unseen levels
    return {c: {v: i + 1 for i, v in enumerate(sorted(train[c].dropna().unique()))} for c in categorical}


def to_tensors(df, scaler, vocab, numeric, categorical):
    x_num = scaler.transform(df[numeric].fillna(0).values).astype(np.float32)
    x_cat = np.stack([df[c].map(vocab[c]).fillna(0).astype(int).values for c in categorical], axis=1)
    y = df["is_cancelled"].values.astype(np.float32)
    return TensorDataset(torch.from_numpy(x_num), torch.from_numpy(x_cat), torch.from_numpy(y))


def make_loaders(cfg):
    df = pd.read_parquet(cfg["orders_path"]).sort_values("order_ts")
    train, val, test = time_split(df, pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"]))
    scaler = StandardScaler().fit(train[cfg["numeric"]].fillna(0).values)
    vocab = build_vocab(train, cfg["categorical"])
    sets = [to_tensors(d, scaler, vocab, cfg["numeric"], cfg["categorical"]) for d in (train, val, test)]
    bs = cfg["batch_size"]
    loaders = (
        DataLoader(sets[0], batch_size=bs, shuffle=True, drop_last=True),
        DataLoader(sets[1], batch_size=bs * 4),
        DataLoader(sets[2], batch_size=bs * 4),
    )
    pos_weight = (1 - train["is_cancelled"].mean()) / train["is_cancelled"].mean()
    return loaders, vocab, float(pos_weight)
