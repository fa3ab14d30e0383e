import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


class Preprocessor:
    """Median-impute + standardise numerics, integer-code categoricals (0 = unseen)."""

    def __init__(self, numeric, categorical):
        self.numeric, self.categorical = numeric, categorical

    def fit(self, df):
        self.medians_ = df[self.numeric].median()
        self.scaler_ = StandardScaler().fit(df[self.numeric].fillna(self.medians_))
        self.vocab_ = {c: {v: i + 1 for i, v in enumerate(sorted(df[c].dropna().unique()))}
                       for c in self.categorical}
        return self

    def transform(self, df):
        num = self.scaler_.transform(df[self.numeric].fillna(self.medians_)).astype(np.float32)
        cat = np.stack([df[c].map(self.vocab_[c]).fillna(0).astype(np.int64) for c in self.categorical], 1)
        return torch.from_numpy(num), torch.from_numpy(cat)

    @property
    def cardinalities(self):
        return [len(self.vocab_[c]) + 1 for c in self.categorical]


def build_splits(cfg, seed):
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    y = df[d["target"]].astype(np.float32).to_numpy()
    idx = np.arange(len(df))
    tr, te = train_test_split(idx, test_size=d["test_size"], stratify=y, random_state=seed)
    tr, va = train_test_split(tr, test_size=d["val_size"] / (1 - d["test_size"]),
                              stratify=y[tr], random_state=seed)
    prep = Preprocessor(d["numeric"], d["categorical"]).fit(df.iloc[tr])
    parts = {name: (*prep.transform(df.iloc[ix]), torch.from_numpy(y[ix]))
             for name, ix in {"train": tr, "val": va, "test": te}.items()}
    return parts, prep, df, y, (tr, va, te)


def make_loader(tensors, batch_size, shuffle, generator=None):
    return DataLoader(TensorDataset(*tensors), batch_size=batch_size, shuffle=shuffle, generator=generator)
