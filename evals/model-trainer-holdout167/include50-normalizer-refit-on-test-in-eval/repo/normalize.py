import numpy as np


class LandmarkNormalizer:
    """Per-coordinate standardisation over all (clip, frame) rows; zero rows = missing hand, left untouched."""

    def fit(self, X):
        flat = X.reshape(-1, X.shape[-1])
        valid = np.abs(flat).sum(axis=1) > 0
        self.mean_ = flat[valid].mean(axis=0)
        self.std_ = flat[valid].std(axis=0) + 1e-6
        return self

    def transform(self, X):
        missing = (np.abs(X).sum(axis=-1, keepdims=True) == 0)
        Z = (X - self.mean_) / self.std_
        return np.where(missing, 0.0, Z).astype(np.float32)

    def fit_transform(self, X):
        return self.fit(X).transform(X)
