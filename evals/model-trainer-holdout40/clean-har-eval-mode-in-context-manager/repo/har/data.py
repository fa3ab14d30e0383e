import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def subject_split(subjects, n_val, n_test, seed):
    """Whole subjects go to train, validation or test."""
    rng = np.random.default_rng(seed)
    ids = rng.permutation(np.unique(subjects))
    test_ids, val_ids = ids[:n_test], ids[n_test:n_test + n_val]
    is_test = np.isin(subjects, test_ids)
    is_val = np.isin(subjects, val_ids)
    return ~(is_test | is_val), is_val, is_test


def channel_stats(windows):
    # windows: (N, C, T); statistics per channel from the training windows only
    return windows.mean(axis=(0, 2), keepdims=True), windows.std(axis=(0, 2), keepdims=True) + 1e-6


def make_loader(windows, labels, mean, std, batch_size, shuffle, generator=None):
    x = torch.from_numpy(((windows - mean) / std).astype(np.float32))
    y = torch.from_numpy(labels.astype(np.int64))
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, generator=generator)
