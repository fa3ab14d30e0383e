"""Smoothed mean-rating encodings for reviewer / product ids."""
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def smoothed_means(keys: pd.Series, target: pd.Series, prior: float, alpha: float) -> pd.DataFrame:
    stats = target.groupby(keys).agg(["sum", "count"])
    stats["enc"] = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return stats[["enc", "count"]]


class OOFMeanEncoder:
    """Out-of-fold mean encoding on the training frame, full-training-frame statistics for new rows."""

    def __init__(self, col, target="overall", alpha=10.0, n_splits=5, seed=0):
        self.col, self.target, self.alpha = col, target, alpha
        self.n_splits, self.seed = n_splits, seed

    def fit_transform(self, train: pd.DataFrame) -> pd.DataFrame:
        self.prior_ = train[self.target].mean()
        self.stats_ = smoothed_means(train[self.col], train[self.target], self.prior_, self.alpha)
        out = pd.DataFrame(index=train.index, columns=["enc", "count"], dtype=float)
        kf = KFold(n_splits=self.n_splits, shuffle=True, random_state=self.seed)
        for fit_idx, enc_idx in kf.split(train):
            fit, part = train.iloc[fit_idx], train.iloc[enc_idx]
            fold_prior = fit[self.target].mean()
            stats = smoothed_means(fit[self.col], fit[self.target], fold_prior, self.alpha)
            mapped = stats.reindex(part[self.col])
            out.loc[part.index, "enc"] = mapped["enc"].fillna(fold_prior).values
            out.loc[part.index, "count"] = mapped["count"].fillna(0).values
        return self._named(out)

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        mapped = self.stats_.reindex(df[self.col])
        out = pd.DataFrame({"enc": mapped["enc"].fillna(self.prior_).values,
                            "count": mapped["count"].fillna(0).values}, index=df.index)
        return self._named(out)

    def _named(self, out):
        out["count"] = np.log1p(out["count"].astype(float))
        return out.rename(columns={"enc": f"{self.col}_mean", "count": f"{self.col}_log_n"})
