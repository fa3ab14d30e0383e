import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def split_frame(df, target, seed):
    train, test = train_test_split(df, test_size=0.2, stratify=df[target], random_state=seed)
    train, valid = train_test_split(train, test_size=0.15, stratify=train[target], random_state=seed)
    return train, valid, test


class Preprocessor:
    def __init__(self, categorical, numeric):
        self.categorical, self.numeric = categorical, numeric

    def fit(self, df):
        self.vocab = {c: {v: i + 1 for i, v in enumerate(sorted(df[c].dropna().unique()))}
                      for c in self.categorical}
        self.scaler = StandardScaler().fit(df[self.numeric].fillna(0))
        return self

    def transform(self, df):
        cat = np.stack([df[c].map(self.vocab[c]).fillna(0).astype(int).to_numpy()
                        for c in self.categorical], axis=1)
        num = self.scaler.transform(df[self.numeric].fillna(0)).astype(np.float32)
        return cat, num

    @property
    def cardinalities(self):
        return [len(self.vocab[c]) for c in self.categorical]


def make_loader(cat, num, y, batch_size, shuffle, seed=0):
    ds = TensorDataset(torch.as_tensor(cat), torch.as_tensor(num), torch.as_tensor(y, dtype=torch.float32))
    gen = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)
