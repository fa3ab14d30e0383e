"""Weight-of-evidence binning for application scorecards."""
import numpy as np
import pandas as pd

EPS = 0.5


class WoEBinner:
    def __init__(self, max_bins=6, min_bin_share=0.05):
        self.max_bins = max_bins
        self.min_bin_share = min_bin_share
        self.edges_ = {}
        self.tables_ = {}

    def _numeric_edges(self, x):
        qs = np.linspace(0, 1, self.max_bins + 1)
        edges = np.unique(np.nanquantile(x, qs))
        edges[0], edges[-1] = -np.inf, np.inf
        return edges

    def _bin(self, col, x):
        if col in self.edges_:
            b = pd.cut(x, self.edges_[col], include_lowest=True).astype(str)
        else:
            b = x.astype(str)
        return b.where(x.notna(), "MISSING")

    def fit(self, X, y, categorical=()):
        y = pd.Series(y, index=X.index)
        n_bad, n_good = y.sum(), (1 - y).sum()
        for col in X.columns:
            if col not in categorical:
                self.edges_[col] = self._numeric_edges(X[col].values)
            bins = self._bin(col, X[col])
            grp = pd.DataFrame({"bin": bins, "y": y}).groupby("bin")["y"].agg(["sum", "count"])
            grp["good"] = grp["count"] - grp["sum"]
            small = grp["count"] / len(X) < self.min_bin_share
            grp.loc[small, ["sum", "good"]] += EPS
            dist_bad = (grp["sum"] + EPS) / (n_bad + EPS)
            dist_good = (grp["good"] + EPS) / (n_good + EPS)
            grp["woe"] = np.log(dist_good / dist_bad)
            grp["iv"] = (dist_good - dist_bad) * grp["woe"]
            self.tables_[col] = grp
        return self

    def transform(self, X):
        out = pd.DataFrame(index=X.index)
        for col, table in self.tables_.items():
            bins = self._bin(col, X[col])
            out[col] = bins.map(table["woe"]).fillna(0.0).astype(float)
        return out

    def fit_transform(self, X, y, categorical=()):
        return self.fit(X, y, categorical).transform(X)

    def information_values(self):
        return pd.Series({c: t["iv"].sum() for c, t in self.tables_.items()}).sort_values(ascending=False)
