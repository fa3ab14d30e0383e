"""Fine classing + WoE for numeric and categorical characteristics.

WoE = ln(Distr Good / Distr Bad)  -> positive WoE = lower risk.
"""
import numpy as np
import pandas as pd


class WoE:
    def __init__(self, max_bins=6, smoothing=0.5):
        self.max_bins = max_bins
        self.smoothing = smoothing
        self.maps_ = {}
        self.edges_ = {}
        self.iv_ = {}

    def _bucket(self, col, s):
        if col in self.edges_:
            return pd.cut(s, self.edges_[col], include_lowest=True).astype(str)
        return s.astype(str)

    def fit(self, X, y):
        y = pd.Series(np.asarray(y), index=X.index)
        for col in X.columns:
            s = X[col]
            if pd.api.types.is_numeric_dtype(s):
                _, edges = pd.qcut(s, self.max_bins, retbins=True, duplicates="drop")
                edges[0], edges[-1] = -np.inf, np.inf
                self.edges_[col] = edges
            b = self._bucket(col, s)
            tab = pd.crosstab(b, y)
            good = tab.get(0, 0) + self.smoothing
            bad = tab.get(1, 0) + self.smoothing
            dg, db = good / good.sum(), bad / bad.sum()
            woe = np.log(dg / db)
            self.maps_[col] = woe.to_dict()
            self.iv_[col] = float(((dg - db) * woe).sum())
        return self

    def transform(self, X):
        return pd.DataFrame(
            {col: self._bucket(col, X[col]).map(m).fillna(0.0) for col, m in self.maps_.items()},
            index=X.index,
        )

    def iv(self):
        return pd.Series(self.iv_).sort_values(ascending=False)
