import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


class Preprocessor:
    """Standardises numeric columns and indexes categorical levels; fitted on training rows only."""

    def __init__(self, numeric, categorical):
        self.numeric, self.categorical = numeric, categorical

    def fit(self, df: pd.DataFrame):
        self.mean_ = df[self.numeric].mean()
        self.std_ = df[self.numeric].std().replace(0.0, 1.0)
        self.levels_ = {c: {v: i + 1 for i, v in enumerate(sorted(df[c].astype(str).unique()))}
                        for c in self.categorical}
        return self

    def cardinalities(self):
        return [len(self.levels_[c]) + 1 for c in self.categorical]

    def to_dataset(self, df: pd.DataFrame) -> TensorDataset:
        x_num = ((df[self.numeric] - self.mean_) / self.std_).to_numpy(np.float32)
        x_cat = np.stack([df[c].astype(str).map(self.levels_[c]).fillna(0).to_numpy(np.int64)
                          for c in self.categorical], axis=1)
        return TensorDataset(
            torch.from_numpy(x_num), torch.from_numpy(x_cat),
            torch.from_numpy(np.log(df["exposure"].to_numpy(np.float32))),
            torch.from_numpy(df["claim_count"].to_numpy(np.float32)),
        )
