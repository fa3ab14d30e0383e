"""Smoothed target encoding for high-cardinality location columns (Suburb, Postcode, SellerG)."""
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def smoothed_means(keys, y, m):
    stats = pd.DataFrame({"k": keys.to_numpy(), "y": y.to_numpy()}).groupby("k")["y"].agg(["sum", "count"])
    prior = float(y.mean())
    return (stats["sum"] + m * prior) / (stats["count"] + m), prior


def oof_encode(train_keys, y_train, m=20, n_splits=5, seed=0):
    """Encode each training row with means from the other folds only."""
    enc = np.full(len(train_keys), np.nan)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for fit_idx, enc_idx in kf.split(train_keys):
        means, prior = smoothed_means(train_keys.iloc[fit_idx], y_train.iloc[fit_idx], m)
        enc[enc_idx] = train_keys.iloc[enc_idx].map(means).fillna(prior).to_numpy()
    return pd.Series(enc, index=train_keys.index)


def encode_with_train(train_keys, y_train, keys, m=20):
    means, prior = smoothed_means(train_keys, y_train, m)
    return keys.map(means).fillna(prior)
