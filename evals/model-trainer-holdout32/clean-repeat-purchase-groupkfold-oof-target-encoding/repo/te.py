import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold


class TargetEncoder:
    """m-estimate target encoding; unseen levels -> prior"""

    def __init__(self, alpha=20):
        self.alpha = alpha

    def fit(self, x, y):
        y = pd.Series(np.asarray(y), index=x.index)
        self.prior_ = float(y.mean())
        stats = y.groupby(x).agg(["sum", "count"])
        self.mapping_ = (stats["sum"] + self.alpha * self.prior_) / (stats["count"] + self.alpha)
        return self

    def transform(self, x):
        return x.map(self.mapping_).astype(float).fillna(self.prior_).to_numpy()


def oof_encode(df, col, target, groups, n_splits=5, alpha=20):
    """out-of-fold encodings for the rows of df (grouped folds so a customer never encodes itself)"""
    out = np.full(len(df), np.nan)
    for fit_i, enc_i in GroupKFold(n_splits=n_splits).split(df, groups=groups):
        enc = TargetEncoder(alpha).fit(df[col].iloc[fit_i], df[target].iloc[fit_i])
        out[enc_i] = enc.transform(df[col].iloc[enc_i])
    return out
