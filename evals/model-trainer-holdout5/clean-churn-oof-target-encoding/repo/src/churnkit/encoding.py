"""Smoothed target (mean) encoding with out-of-fold values for the rows it is learned from."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold


def segment_stats(frame: pd.DataFrame, keys: list[str], target: str, prior: float, alpha: float) -> pd.DataFrame:
    stats = frame.groupby(keys, as_index=False)[target].agg(n="size", rate="mean")
    stats["seg_rate"] = (stats["n"] * stats["rate"] + alpha * prior) / (stats["n"] + alpha)
    return stats[keys + ["seg_rate", "n"]].rename(columns={"n": "seg_n"})


def attach(frame: pd.DataFrame, stats: pd.DataFrame, keys: list[str], prior: float) -> pd.DataFrame:
    out = frame.merge(stats, on=keys, how="left")
    out["seg_rate"] = out["seg_rate"].fillna(prior)
    out["seg_n"] = out["seg_n"].fillna(0)
    return out


class SegmentEncoder:
    def __init__(self, keys: list[str], target: str, alpha: float = 20.0, n_splits: int = 5, seed: int = 0):
        self.keys, self.target, self.alpha = keys, target, alpha
        self.n_splits, self.seed = n_splits, seed

    def fit_transform(self, train: pd.DataFrame) -> pd.DataFrame:
        """Learn the mapping on `train`; return `train` with out-of-fold encodings."""
        self.prior_ = train[self.target].mean()
        self.stats_ = segment_stats(train, self.keys, self.target, self.prior_, self.alpha)
        encoded = np.zeros(len(train))
        counts = np.zeros(len(train))
        skf = StratifiedKFold(self.n_splits, shuffle=True, random_state=self.seed)
        for fit_idx, enc_idx in skf.split(train, train[self.target]):
            part = train.iloc[fit_idx]
            st = segment_stats(part, self.keys, self.target, part[self.target].mean(), self.alpha)
            filled = attach(train.iloc[enc_idx][self.keys], st, self.keys, part[self.target].mean())
            encoded[enc_idx] = filled["seg_rate"].to_numpy()
            counts[enc_idx] = filled["seg_n"].to_numpy()
        return train.assign(seg_rate=encoded, seg_n=counts)

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        filled = attach(frame[self.keys], self.stats_, self.keys, self.prior_)
        return frame.assign(seg_rate=filled["seg_rate"].to_numpy(), seg_n=filled["seg_n"].to_numpy())
