import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer


class Featurizer:
    """Learns imputation, quantile scaling and category vocabularies from the frame it is fit on."""

    def __init__(self, numeric, categorical, seed: int):
        self.numeric, self.categorical = list(numeric), list(categorical)
        self.imputer = SimpleImputer(strategy="median")
        self.quantiles = QuantileTransformer(n_quantiles=200, output_distribution="normal", random_state=seed)
        self.onehot = OneHotEncoder(handle_unknown="ignore", sparse_output=False)

    def fit(self, frame: pd.DataFrame) -> "Featurizer":
        num = self.imputer.fit_transform(frame[self.numeric])
        self.quantiles.fit(num)
        self.onehot.fit(frame[self.categorical].astype(str))
        return self

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        num = self.quantiles.transform(self.imputer.transform(frame[self.numeric]))
        cat = self.onehot.transform(frame[self.categorical].astype(str))
        return np.hstack([num, cat])

    def fit_transform(self, frame: pd.DataFrame) -> np.ndarray:
        return self.fit(frame).transform(frame)
