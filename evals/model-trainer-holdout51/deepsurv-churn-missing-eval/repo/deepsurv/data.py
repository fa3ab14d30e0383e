import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def load_splits(cfg: dict):
    df = pd.read_parquet(cfg["data_path"])
    feats, dur, evt = cfg["features"], cfg["duration_col"], cfg["event_col"]
    train, test = train_test_split(df, test_size=0.2, random_state=cfg["seed"], stratify=df[evt])
    train, valid = train_test_split(train, test_size=0.2, random_state=cfg["seed"], stratify=train[evt])

    scaler = StandardScaler().fit(train[feats])
    out = {}
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        x = torch.tensor(scaler.transform(part[feats]), dtype=torch.float32)
        t = torch.tensor(part[dur].to_numpy(), dtype=torch.float32)
        e = torch.tensor(part[evt].to_numpy(), dtype=torch.float32)
        out[name] = TensorDataset(x, t, e)
    return out, scaler


def make_loader(ds: TensorDataset, batch_size: int, shuffle: bool) -> DataLoader:
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=shuffle)
