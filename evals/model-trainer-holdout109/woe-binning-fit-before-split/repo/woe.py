"""Quantile-based Weight-of-Evidence binning for the application scorecard.

WoE convention: ln(%good / %bad), so higher WoE = lower risk.
Missing values get their own bin.
"""
import numpy as np
import pandas as pd


class WoEBinner:
    def __init__(self, n_bins=10, eps=0.5):
        self.n_bins = n_bins
        self.eps = eps  # additive smoothing so empty cells don't blow up the log
        self.edges_ = {}
        self.woe_ = {}
        self.iv_ = {}

    def _edges(self, s):
        qs = np.linspace(0, 1, self.n_bins + 1)
        edges = np.unique(s.quantile(qs).values)
        edges[0], edges[-1] = -np.inf, np.inf
        return edges

    @staticmethod
    def _bin(s, edges):
        idx = np.digitize(s.values, edges[1:-1], right=True)
        return np.where(s.isna().values, -1, idx)

    def fit(self, X, y):
        y = np.asarray(y).astype(int)
        tot_bad = y.sum()
        tot_good = len(y) - tot_bad
        for col in X.columns:
            s = X[col].astype(float)
            edges = self._edges(s.dropna())
            idx = self._bin(s, edges)
            stats = pd.DataFrame({"bin": idx, "bad": y}).groupby("bin")["bad"].agg(["count", "sum"])
            good = stats["count"] - stats["sum"]
            k = len(stats)
            dist_good = (good + self.eps) / (tot_good + self.eps * k)
            dist_bad = (stats["sum"] + self.eps) / (tot_bad + self.eps * k)
            woe = np.log(dist_good / dist_bad)
            self.edges_[col] = edges
            self.woe_[col] = woe.to_dict()
            self.iv_[col] = float(((dist_good - dist_bad) * woe).sum())
        return self

    def transform(self, X):
        out = pd.DataFrame(index=X.index)
        for col, edges in self.edges_.items():
            idx = self._bin(X[col].astype(float), edges)
            # bins unseen at fit time (rare) fall back to neutral WoE
            out[col] = pd.Series(idx, index=X.index).map(self.woe_[col]).fillna(0.0)
        return out

    def fit_transform(self, X, y):
        return self.fit(X, y).transform(X)

    def iv_table(self):
        return pd.Series(self.iv_).sort_values(ascending=False)
