"""Smoothed mean-target encoding (Micci-Barreca 2001) with out-of-fold estimates for training rows."""
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def _smoothed_means(keys: pd.Series, target: pd.Series, alpha: float):
    prior = target.mean()
    stats = target.groupby(keys).agg(["sum", "count"])
    return (stats["sum"] + alpha * prior) / (stats["count"] + alpha), prior


def oof_target_encode(train_keys, train_target, apply_keys, alpha=20.0, n_splits=5, seed=0):
    """Encode `train_keys` out-of-fold and `apply_keys` with statistics of the full training set.

    Training rows never see their own target; `apply_keys` (validation/test rows) are
    encoded with means computed on the training rows only.
    """
    train_keys = train_keys.reset_index(drop=True)
    train_target = train_target.reset_index(drop=True)
    oof = np.empty(len(train_keys))
    for fit_idx, enc_idx in KFold(n_splits, shuffle=True, random_state=seed).split(train_keys):
        means, prior = _smoothed_means(train_keys[fit_idx], train_target[fit_idx], alpha)
        oof[enc_idx] = train_keys[enc_idx].map(means).fillna(prior).to_numpy()
    means, prior = _smoothed_means(train_keys, train_target, alpha)
    applied = apply_keys.map(means).fillna(prior).to_numpy()
    return oof, applied
