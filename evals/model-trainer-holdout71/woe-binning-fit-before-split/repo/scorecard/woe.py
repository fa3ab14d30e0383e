"""Quantile-based weight-of-evidence binning for scorecard development."""
import numpy as np
import pandas as pd

EPS = 0.5


class WoEBinner:
    def __init__(self, max_bins=6, min_bin_share=0.05):
        self.max_bins = max_bins
        self.min_bin_share = min_bin_share
        self.edges_ = {}
        self.woe_ = {}
        self.iv_ = {}

    def _edges(self, x):
        qs = np.linspace(0, 1, self.max_bins + 1)
        edges = np.unique(np.nanquantile(x, qs))
        edges[0], edges[-1] = -np.inf, np.inf
        return edges

    def fit(self, X, y):
        y = np.asarray(y)
        for col in X.columns:
            edges = self._edges(X[col].values)
            bins = pd.cut(X[col], edges, include_lowest=True)
            tab = pd.crosstab(bins.cat.add_categories("MISSING").fillna("MISSING"), y)
            tab = tab.reindex(columns=[0, 1], fill_value=0)
            tab = tab[tab.sum(axis=1) >= self.min_bin_share * len(y)] if len(tab) > 2 else tab
            good = (tab[0] + EPS) / (tab[0].sum() + EPS)
            bad = (tab[1] + EPS) / (tab[1].sum() + EPS)
            woe = np.log(good / bad)
            self.edges_[col] = edges
            self.woe_[col] = woe.to_dict()
            self.iv_[col] = float(((good - bad) * woe).sum())
        return self

    def transform(self, X):
        out = pd.DataFrame(index=X.index)
        for col, edges in self.edges_.items():
            bins = pd.cut(X[col], edges, include_lowest=True)
            labels = bins.cat.add_categories("MISSING").fillna("MISSING")
            out[col] = labels.map(self.woe_[col]).astype(float).fillna(0.0)
        return out

    def iv_table(self):
        return pd.Series(self.iv_, name="iv").sort_values(ascending=False)
