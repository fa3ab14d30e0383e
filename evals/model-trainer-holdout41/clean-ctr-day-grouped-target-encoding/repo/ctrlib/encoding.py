"""Smoothed click-rate encoder with out-of-fold encoding for the rows it is fit on."""
import numpy as np
import pandas as pd


class ClickRateEncoder:
    def __init__(self, cols, smoothing=50.0):
        self.cols = list(cols)
        self.smoothing = smoothing
        self.prior_ = None
        self.maps_ = {}

    def _stats(self, df, y):
        prior = float(y.mean())
        maps = {}
        for col in self.cols:
            s = y.groupby(df[col]).agg(["sum", "count"])
            maps[col] = (s["sum"] + self.smoothing * prior) / (s["count"] + self.smoothing)
        return prior, maps

    @staticmethod
    def _apply(df, cols, prior, maps):
        return pd.DataFrame(
            {f"te_{c}": df[c].map(maps[c]).astype(np.float32).fillna(prior) for c in cols},
            index=df.index,
        )

    def fit(self, df, y):
        self.prior_, self.maps_ = self._stats(df, y)
        return self

    def transform(self, df):
        return self._apply(df, self.cols, self.prior_, self.maps_)

    def fit_transform_oof(self, df, y, groups):
        """Encode each group (e.g. a day) with statistics from the other groups only."""
        out = pd.DataFrame(index=df.index, columns=[f"te_{c}" for c in self.cols], dtype=np.float32)
        for g in pd.unique(groups):
            held = groups == g
            prior, maps = self._stats(df[~held], y[~held])
            out.loc[held] = self._apply(df[held], self.cols, prior, maps).to_numpy()
        self.fit(df, y)
        return out
