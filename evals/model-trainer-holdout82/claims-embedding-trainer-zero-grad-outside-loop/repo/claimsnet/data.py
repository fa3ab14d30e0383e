import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset


class ClaimsPreprocessor:
    """Ordinal-encodes categoricals (0 = unseen) and standardises log-scaled numerics."""

    def __init__(self, cat_cols, num_cols, target):
        self.cat_cols, self.num_cols, self.target = cat_cols, num_cols, target
        self.encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
        self.scaler = StandardScaler()

    def fit(self, df: pd.DataFrame) -> "ClaimsPreprocessor":
        self.encoder.fit(df[self.cat_cols].astype(str))
        self.scaler.fit(np.log1p(df[self.num_cols].clip(lower=0)))
        return self

    @property
    def cardinalities(self):
        return [len(c) + 1 for c in self.encoder.categories_]

    def transform(self, df: pd.DataFrame):
        cats = self.encoder.transform(df[self.cat_cols].astype(str)) + 1
        nums = self.scaler.transform(np.log1p(df[self.num_cols].clip(lower=0)))
        y = np.log1p(df[self.target].values)
        return (torch.tensor(cats, dtype=torch.long),
                torch.tensor(nums, dtype=torch.float32),
                torch.tensor(y, dtype=torch.float32))


def loader(tensors, batch_size, shuffle, seed=None):
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(TensorDataset(*tensors), batch_size=batch_size, shuffle=shuffle, generator=gen)
