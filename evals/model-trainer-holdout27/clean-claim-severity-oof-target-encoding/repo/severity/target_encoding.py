import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


class OOFTargetEncoder:
    """Smoothed mean encoding.

    fit_transform(train) returns out-of-fold encodings for the training rows; the mapping learnt
    on the whole training frame is stored and used by transform() for any other frame.
    """

    def __init__(self, columns, folds: int = 5, smoothing: float = 20.0, seed: int = 0):
        self.columns, self.folds, self.smoothing, self.seed = list(columns), folds, smoothing, seed

    def _mapping(self, frame: pd.DataFrame, y: pd.Series, col: str):
        stats = y.groupby(frame[col]).agg(["sum", "count"])
        prior = y.mean()
        return (stats["sum"] + self.smoothing * prior) / (stats["count"] + self.smoothing), prior

    def fit_transform(self, frame: pd.DataFrame, y: pd.Series) -> pd.DataFrame:
        y = np.log1p(y)
        out = pd.DataFrame(index=frame.index)
        kf = KFold(n_splits=self.folds, shuffle=True, random_state=self.seed)
        for col in self.columns:
            enc = np.zeros(len(frame))
            for fit_idx, enc_idx in kf.split(frame):
                mapping, prior = self._mapping(frame.iloc[fit_idx], y.iloc[fit_idx], col)
                enc[enc_idx] = frame[col].iloc[enc_idx].map(mapping).fillna(prior).to_numpy()
            out[f"te_{col}"] = enc
        self.maps_ = {col: self._mapping(frame, y, col) for col in self.columns}
        return out

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=frame.index)
        for col, (mapping, prior) in self.maps_.items():
            out[f"te_{col}"] = frame[col].map(mapping).fillna(prior).to_numpy()
        return out
