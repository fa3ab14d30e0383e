import numpy as np
import pandas as pd
from catboost import CatBoostClassifier


class SLearner:
    """Single model with the treatment flag as an input; uplift = p(y | x, w=1) - p(y | x, w=0)."""

    def __init__(self, cat_features, treatment_col, **cb_params):
        self.cat_features = cat_features
        self.treatment_col = treatment_col
        self.model = CatBoostClassifier(**cb_params, verbose=0)

    def fit(self, X: pd.DataFrame, w: np.ndarray, y: np.ndarray):
        self.model.fit(X.assign(**{self.treatment_col: w}), y, cat_features=self.cat_features)
        return self

    def predict_uplift(self, X: pd.DataFrame) -> np.ndarray:
        p1 = self.model.predict_proba(X.assign(**{self.treatment_col: 1}))[:, 1]
        p0 = self.model.predict_proba(X.assign(**{self.treatment_col: 0}))[:, 1]
        return p1 - p0


class TLearner:
    def __init__(self, cat_features, **cb_params):
        self.treated = CatBoostClassifier(**cb_params, verbose=0)
        self.control = CatBoostClassifier(**cb_params, verbose=0)
        self.cat_features = cat_features

    def fit(self, X, w, y):
        self.treated.fit(X[w == 1], y[w == 1], cat_features=self.cat_features)
        self.control.fit(X[w == 0], y[w == 0], cat_features=self.cat_features)
        return self

    def predict_uplift(self, X):
        return self.treated.predict_proba(X)[:, 1] - self.control.predict_proba(X)[:, 1]
