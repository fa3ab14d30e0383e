"""Wishlist adds carry no reliable timestamp, so hold-out is a random fraction of each user's items."""
import numpy as np
import pandas as pd


def per_user_holdout(df, frac, rng):
    held = np.zeros(len(df), dtype=bool)
    for _, idx in df.groupby("u").indices.items():
        n_hold = max(1, int(round(len(idx) * frac)))
        held[rng.choice(idx, size=n_hold, replace=False)] = True
    return df[~held], df[held]


def to_sets(df):
    return {u: np.array(sorted(g)) for u, g in df.groupby("u")["i"]}
