"""Smoothed per-document relevance priors (target encoding keyed by doc_id)."""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold


class DocPrior:
    def __init__(self, smoothing: float = 25.0):
        self.smoothing = smoothing

    def fit(self, df: pd.DataFrame) -> "DocPrior":
        self.global_mean_ = float(df["grade"].mean())
        stats = df.groupby("doc_id")["grade"].agg(["sum", "count"])
        self.table_ = (stats["sum"] + self.smoothing * self.global_mean_) / (stats["count"] + self.smoothing)
        self.counts_ = stats["count"]
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=df.index)
        out["doc_prior"] = df["doc_id"].map(self.table_).fillna(self.global_mean_)
        out["doc_prior_n"] = np.log1p(df["doc_id"].map(self.counts_).fillna(0))
        return out


def out_of_fold_prior(train: pd.DataFrame, n_splits: int = 5, smoothing: float = 25.0) -> pd.DataFrame:
    """Encode each training row with a prior fit on the other query folds only."""
    encoded = pd.DataFrame(index=train.index, columns=["doc_prior", "doc_prior_n"], dtype=float)
    for fit_idx, enc_idx in GroupKFold(n_splits=n_splits).split(train, groups=train["qid"]):
        prior = DocPrior(smoothing).fit(train.iloc[fit_idx])
        encoded.iloc[enc_idx] = prior.transform(train.iloc[enc_idx]).to_numpy()
    return encoded
