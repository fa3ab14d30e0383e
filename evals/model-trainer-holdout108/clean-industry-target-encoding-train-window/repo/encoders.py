"""Smoothed mean-target encoding for high-cardinality categoricals (industry, country)."""
import numpy as np
import pandas as pd


class SmoothedTargetEncoder:
    def __init__(self, cols, prior_weight: float = 200.0):
        self.cols = list(cols)
        self.m = prior_weight
        self.maps_ = {}
        self.prior_ = None

    def fit(self, df: pd.DataFrame, y: pd.Series) -> "SmoothedTargetEncoder":
        self.prior_ = float(y.mean())
        for c in self.cols:
            agg = y.groupby(df[c]).agg(["sum", "count"])
            self.maps_[c] = (agg["sum"] + self.m * self.prior_) / (agg["count"] + self.m)
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=df.index)
        for c in self.cols:
            out[f"te_{c}"] = df[c].map(self.maps_[c]).astype(float).fillna(self.prior_)
        return out


def out_of_fold_encode(df: pd.DataFrame, y: pd.Series, cols, groups: pd.Series,
                       prior_weight: float = 200.0) -> pd.DataFrame:
    """Encode each group (e.g. calendar year) with an encoder fit on the other groups."""
    parts = []
    for g in np.unique(groups):
        held = groups == g
        enc = SmoothedTargetEncoder(cols, prior_weight).fit(df[~held], y[~held])
        parts.append(enc.transform(df[held]))
    return pd.concat(parts).loc[df.index]
