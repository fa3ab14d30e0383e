import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset


def load_arrays(cfg):
    npz = np.load(cfg["data"]["sequences"])
    seq, ids, y = npz["seq"].astype(np.float32), npz["customer_id"], npz["churned"].astype(np.float32)
    static = pd.read_parquet(cfg["data"]["static"]).set_index("customer_id").loc[ids]
    return seq, static.to_numpy(np.float32), y


def split_and_scale(seq, static, y, cfg):
    idx = np.arange(len(y))
    sp, seed = cfg["split"], cfg["seed"]
    dev, test = train_test_split(idx, test_size=sp["test_size"], stratify=y, random_state=seed)
    train, val = train_test_split(dev, test_size=sp["val_size"], stratify=y[dev], random_state=seed)

    seq_mu = seq[train].reshape(-1, seq.shape[-1]).mean(0)
    seq_sd = seq[train].reshape(-1, seq.shape[-1]).std(0) + 1e-6
    st_mu, st_sd = static[train].mean(0), static[train].std(0) + 1e-6
    seq_n = (seq - seq_mu) / seq_sd
    static_n = (static - st_mu) / st_sd
    return {name: (seq_n[i], static_n[i], y[i]) for name, i in [("train", train), ("val", val), ("test", test)]}


def loader(arrays, batch_size, shuffle, seed=None):
    ds = TensorDataset(*(torch.from_numpy(a) for a in arrays))
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)
