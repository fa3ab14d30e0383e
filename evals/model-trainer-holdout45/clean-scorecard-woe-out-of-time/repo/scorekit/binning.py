import numpy as np
import pandas as pd


class WoeEncoder:
    """Quantile binning + weight of evidence for scorecard characteristics."""

    def __init__(self, max_bins=5, min_bin_share=0.05, eps=0.5):
        self.max_bins, self.min_bin_share, self.eps = max_bins, min_bin_share, eps
        self.edges, self.woe, self.iv = {}, {}, {}

    def _binned(self, s, col):
        if col in self.edges:
            return pd.cut(s, self.edges[col], include_lowest=True).astype(str).where(s.notna(), "MISSING")
        return s.fillna("MISSING").astype(str)

    def fit(self, X, y, categorical=()):
        y = np.asarray(y)
        bads, goods = y.sum(), len(y) - y.sum()
        for col in X.columns:
            if col not in categorical:
                e = np.unique(np.nanquantile(X[col], np.linspace(0, 1, self.max_bins + 1)))
                e[0], e[-1] = -np.inf, np.inf
                self.edges[col] = e
            b = self._binned(X[col], col)
            t = pd.DataFrame({"b": b.values, "y": y}).groupby("b")["y"].agg(["sum", "count"])
            t = t[t["count"] >= self.min_bin_share * len(y)] if len(t) > 2 else t
            db = (t["sum"] + self.eps) / (bads + self.eps)
            dg = (t["count"] - t["sum"] + self.eps) / (goods + self.eps)
            self.woe[col] = np.log(dg / db)
            self.iv[col] = float(((dg - db) * self.woe[col]).sum())
        return self

    def transform(self, X):
        return pd.DataFrame({c: self._binned(X[c], c).map(w).fillna(0.0) for c, w in self.woe.items()},
                            index=X.index)
