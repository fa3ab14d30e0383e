import numpy as np


class BandStandardizer:
    """Per-mel-band mean/std normaliser for (N, n_mels, T) log-mel arrays."""

    def fit(self, X):
        self.mean_ = X.mean(axis=(0, 2), keepdims=True)
        self.std_ = X.std(axis=(0, 2), keepdims=True) + 1e-6
        return self

    def transform(self, X):
        return ((X - self.mean_) / self.std_).astype(np.float32)


def pooled_stats(X):
    """Clip-level mean and std per band, used by the linear baseline."""
    return np.concatenate([X.mean(axis=2), X.std(axis=2)], axis=1)
