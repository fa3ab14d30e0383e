import numpy as np
import pandas as pd


class Vocab:
    """Per-column id vocabulary learned from training rows; rare/unseen values map to 0."""

    def __init__(self, min_count=10):
        self.min_count = min_count
        self.maps = {}

    def fit(self, df, cols):
        for c in cols:
            counts = df[c].value_counts()
            keep = counts[counts >= self.min_count].index
            self.maps[c] = pd.Series(np.arange(1, len(keep) + 1), index=keep)
        return self

    def transform(self, df):
        return np.stack([df[c].map(m).fillna(0).to_numpy(np.int64) for c, m in self.maps.items()], axis=1)

    def sizes(self):
        return [len(m) + 1 for m in self.maps.values()]


class NumericScaler:
    def fit(self, df, cols):
        self.cols = cols
        x = np.log1p(df[cols].clip(lower=0).to_numpy(np.float32))
        self.mean, self.std = x.mean(0), x.std(0) + 1e-6
        return self

    def transform(self, df):
        return (np.log1p(df[self.cols].clip(lower=0).to_numpy(np.float32)) - self.mean) / self.std
