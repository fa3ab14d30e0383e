import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset

# embeddings were produced offline with allenai/specter (title [SEP] abstract), row-aligned with papers.parquet
EMB_PATH = "data/specter_emb.npy"
META_PATH = "data/papers.parquet"


def load_splits(train_until: int = 2019, val_year: int = 2020, test_year: int = 2021):
    meta = pd.read_parquet(META_PATH)
    emb = np.load(EMB_PATH).astype(np.float32)
    assert len(meta) == len(emb)

    labels = sorted(meta.loc[meta["year"] <= train_until, "primary_category"].unique())
    label2id = {c: i for i, c in enumerate(labels)}
    keep = meta["primary_category"].isin(label2id).to_numpy()
    meta, emb = meta[keep].reset_index(drop=True), emb[keep]
    y = meta["primary_category"].map(label2id).to_numpy()

    masks = {
        "train": (meta["year"] <= train_until).to_numpy(),
        "val": (meta["year"] == val_year).to_numpy(),
        "test": (meta["year"] == test_year).to_numpy(),
    }
    ds = {
        k: TensorDataset(torch.from_numpy(emb[m]), torch.from_numpy(y[m]).long())
        for k, m in masks.items()
    }
    return ds, label2id
