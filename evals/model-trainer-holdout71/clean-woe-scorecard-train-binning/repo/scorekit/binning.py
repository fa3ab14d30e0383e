"""Fine classing -> monotone coarse classing -> WoE, per numeric feature."""
import numpy as np
import pandas as pd

_EPS = 0.5


def _woe_table(bins, y):
    tab = pd.crosstab(bins, y).reindex(columns=[0, 1], fill_value=0)
    dist_good = (tab[0] + _EPS) / (tab[0].sum() + _EPS)
    dist_bad = (tab[1] + _EPS) / (tab[1].sum() + _EPS)
    woe = np.log(dist_good / dist_bad)
    iv = float(((dist_good - dist_bad) * woe).sum())
    return woe, iv, tab.sum(axis=1)


class MonotoneWoE:
    def __init__(self, fine_bins=20, max_coarse_bins=6, min_bin_share=0.05):
        self.fine_bins = fine_bins
        self.max_coarse_bins = max_coarse_bins
        self.min_bin_share = min_bin_share

    def _coarse_edges(self, x, y):
        edges = np.unique(np.nanquantile(x, np.linspace(0, 1, self.fine_bins + 1)))
        edges[0], edges[-1] = -np.inf, np.inf
        while len(edges) > 2:
            bins = pd.cut(x, edges, include_lowest=True)
            woe, _, counts = _woe_table(bins, y)
            diffs = np.diff(woe.to_numpy())
            monotone = (diffs >= 0).all() or (diffs <= 0).all()
            small = (counts / counts.sum() < self.min_bin_share).to_numpy()
            if monotone and not small.any() and len(edges) - 1 <= self.max_coarse_bins:
                break
            merge_at = int(np.argmin(np.abs(diffs))) + 1
            edges = np.delete(edges, merge_at)
        return edges

    @staticmethod
    def _missing_woe(y, present):
        if present.all():
            return 0.0
        goods, bads = (y == 0).sum(), (y == 1).sum()
        miss = y[~present]
        return float(np.log(((miss == 0).sum() + _EPS) / goods / (((miss == 1).sum() + _EPS) / bads)))

    def fit(self, X, y):
        y = pd.Series(np.asarray(y), index=X.index)
        self.edges_, self.woe_, self.iv_, self.missing_woe_ = {}, {}, {}, {}
        for col in X.columns:
            present = X[col].notna()
            edges = self._coarse_edges(X.loc[present, col], y[present])
            bins = pd.cut(X.loc[present, col], edges, include_lowest=True)
            woe, iv, _ = _woe_table(bins, y[present])
            self.edges_[col] = edges
            self.woe_[col] = woe.to_numpy()
            self.iv_[col] = iv
            self.missing_woe_[col] = self._missing_woe(y, present)
        return self

    def transform(self, X):
        out = {}
        for col, edges in self.edges_.items():
            codes = pd.cut(X[col], edges, include_lowest=True, labels=False)
            vals = np.where(codes.isna(), self.missing_woe_[col], self.woe_[col][codes.fillna(0).astype(int)])
            out[col] = vals
        return pd.DataFrame(out, index=X.index)

    def fit_transform(self, X, y):
        return self.fit(X, y).transform(X)
