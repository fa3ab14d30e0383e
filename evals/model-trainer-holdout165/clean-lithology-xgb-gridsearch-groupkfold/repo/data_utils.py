import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin


def load(path, target, logs):
    df = pd.read_csv(path, sep=";")
    keep = ["WELL", "DEPTH_MD", target] + logs
    df = df[[c for c in keep if c in df.columns]].copy()
    return df.sort_values(["WELL", "DEPTH_MD"]).reset_index(drop=True)


class LogFeatures(BaseEstimator, TransformerMixin):
    """Stateless log conditioning: log10 resistivities and caliper minus bit size."""

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        X = X.copy()
        for c in ("RMED", "RDEP"):
            X[c] = np.log10(X[c].clip(lower=1e-2))
        X["DCAL"] = X["CALI"] - X["BS"]
        return X
