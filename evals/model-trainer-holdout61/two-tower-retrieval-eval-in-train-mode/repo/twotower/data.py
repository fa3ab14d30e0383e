import zlib

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

MAX_TOKENS = 32


def hash_tokens(text, buckets, max_tokens=MAX_TOKENS):
    ids = [zlib.crc32(tok.encode()) % (buckets - 1) + 1 for tok in str(text).lower().split()[:max_tokens]]
    return ids + [0] * (max_tokens - len(ids))


class PairDataset(Dataset):
    def __init__(self, pairs: pd.DataFrame, catalog: pd.DataFrame, buckets: int):
        titles = catalog.set_index("product_id")["title"]
        self.q = torch.tensor([hash_tokens(t, buckets) for t in pairs["query"]], dtype=torch.long)
        self.d = torch.tensor([hash_tokens(titles[p], buckets) for p in pairs["product_id"]], dtype=torch.long)
        self.product_ids = pairs["product_id"].to_numpy()

    def __len__(self):
        return len(self.q)

    def __getitem__(self, i):
        return self.q[i], self.d[i]


def split_by_query(pairs, val_fraction, test_fraction, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    rest_idx, test_idx = next(gss.split(pairs, groups=pairs["query"]))
    rest = pairs.iloc[rest_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=val_fraction / (1 - test_fraction), random_state=seed)
    train_idx, val_idx = next(gss.split(rest, groups=rest["query"]))
    return rest.iloc[train_idx], rest.iloc[val_idx], pairs.iloc[test_idx]


def encode_catalog(catalog, buckets):
    return torch.tensor(np.stack([hash_tokens(t, buckets) for t in catalog["title"]]), dtype=torch.long)
