"""Out-of-fold mean-target encoding for very high-cardinality ID columns."""
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold


class OOFTargetEncoder:
    def __init__(self, columns, n_folds=5, smoothing=20.0, seed=0):
        self.columns, self.n_folds, self.smoothing, self.seed = columns, n_folds, smoothing, seed

    def _table(self, x: pd.Series, y: pd.Series, prior: float) -> pd.Series:
        agg = y.groupby(x).agg(["sum", "count"])
        return (agg["sum"] + self.smoothing * prior) / (agg["count"] + self.smoothing)

    def fit_transform(self, X: pd.DataFrame, y: pd.Series) -> pd.DataFrame:
        """Training rows get encodings computed without their own fold; full-train tables are kept for transform()."""
        self.prior_ = float(y.mean())
        self.tables_ = {c: self._table(X[c], y, self.prior_) for c in self.columns}
        out = pd.DataFrame(index=X.index)
        skf = StratifiedKFold(self.n_folds, shuffle=True, random_state=self.seed)
        for c in self.columns:
            col = np.full(len(X), self.prior_)
            for fit_idx, enc_idx in skf.split(X, y):
                table = self._table(X[c].iloc[fit_idx], y.iloc[fit_idx], self.prior_)
                col[enc_idx] = X[c].iloc[enc_idx].map(table).fillna(self.prior_).to_numpy()
            out[f"{c}_te"] = col
        return out

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            {f"{c}_te": X[c].map(self.tables_[c]).fillna(self.prior_) for c in self.columns},
            index=X.index,
        )
