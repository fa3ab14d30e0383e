"""Out-of-fold target encoding for high-cardinality categoricals."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


class KFoldTargetEncoder:
    """Smoothed mean-target encoding.

    fit_transform(train) returns out-of-fold encodings (row i never sees its own target) and stores
    full-training-set statistics; transform(other) applies those stored training statistics.
    """

    def __init__(self, columns: list[str], n_splits: int = 5, smoothing: float = 20.0, seed: int = 0):
        self.columns = columns
        self.n_splits = n_splits
        self.smoothing = smoothing
        self.seed = seed
        self.global_mean_: float | None = None
        self.maps_: dict[str, pd.Series] = {}

    def _stats(self, keys: pd.Series, y: pd.Series, prior: float) -> pd.Series:
        agg = y.groupby(keys).agg(["sum", "count"])
        return (agg["sum"] + prior * self.smoothing) / (agg["count"] + self.smoothing)

    def fit_transform(self, X: pd.DataFrame, y: pd.Series) -> pd.DataFrame:
        self.global_mean_ = float(y.mean())
        encoded = pd.DataFrame(index=X.index, columns=[f"te_{c}" for c in self.columns], dtype=float)
        folds = KFold(n_splits=self.n_splits, shuffle=True, random_state=self.seed)
        for fit_idx, enc_idx in folds.split(X):
            prior = float(y.iloc[fit_idx].mean())
            for col in self.columns:
                mapping = self._stats(X[col].iloc[fit_idx], y.iloc[fit_idx], prior)
                encoded.iloc[enc_idx, encoded.columns.get_loc(f"te_{col}")] = (
                    X[col].iloc[enc_idx].map(mapping).fillna(prior).to_numpy()
                )
        for col in self.columns:
            self.maps_[col] = self._stats(X[col], y, self.global_mean_)
        return encoded

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            {f"te_{c}": X[c].map(self.maps_[c]).fillna(self.global_mean_).astype(float) for c in self.columns},
            index=X.index,
        )
