import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import TensorDataset

SECTIONS = list("ABCDEFGH")


def build_datasets(cfg: dict):
    meta = pd.read_parquet(cfg["meta"])
    emb = np.load(cfg["embeddings"]).astype(np.float32)
    y = meta["cpc_section"].map({s: i for i, s in enumerate(SECTIONS)}).to_numpy()

    yrs = cfg["years"]
    idx = {
        "train": np.flatnonzero(meta["grant_year"] <= yrs["train_max"]),
        "val": np.flatnonzero(meta["grant_year"] == yrs["val"]),
        "test": np.flatnonzero(meta["grant_year"] == yrs["test"]),
    }
    scaler = StandardScaler().fit(emb[idx["train"]])
    out = {}
    for name, ix in idx.items():
        x = scaler.transform(emb[ix]).astype(np.float32)
        out[name] = TensorDataset(torch.from_numpy(x), torch.from_numpy(y[ix]).long())
    return out, scaler
