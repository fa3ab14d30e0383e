"""Promo-week unit forecasters used to price promotional slots."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["log_base_units", "depth", "log_price", "feature_ad", "display", "weeks_since_last_promo"]
CATEGORICAL = ["brand", "mechanic", "banner"]


class BaseForecaster:
    label = "units"

    def __init__(self):
        self.pipeline_: Pipeline | None = None

    def _estimator(self):
        raise NotImplementedError

    def _columns(self) -> ColumnTransformer:
        return ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10, sparse_output=False), CATEGORICAL),
        ])

    def fit(self, weeks: pd.DataFrame) -> "BaseForecaster":
        self.pipeline_ = Pipeline([("cols", self._columns()), ("est", self._estimator())])
        self.pipeline_.fit(weeks, weeks[self.label])
        return self

    def predict(self, weeks: pd.DataFrame) -> np.ndarray:
        return np.clip(self.pipeline_.predict(weeks), 0, None)


class PoissonGLM(BaseForecaster):
    def __init__(self, alpha: float = 1e-3):
        super().__init__()
        self.alpha = alpha

    def _estimator(self):
        return PoissonRegressor(alpha=self.alpha, max_iter=1000)


class BoostedTrees(BaseForecaster):
    def __init__(self, seed: int, learning_rate: float = 0.05, max_leaf_nodes: int = 31):
        super().__init__()
        self.seed, self.learning_rate, self.max_leaf_nodes = seed, learning_rate, max_leaf_nodes

    def _estimator(self):
        return HistGradientBoostingRegressor(loss="poisson", learning_rate=self.learning_rate, max_iter=600,
                                             max_leaf_nodes=self.max_leaf_nodes, min_samples_leaf=40,
                                             early_stopping=False, random_state=self.seed)


class BaseUnitsTimesLift(BaseForecaster):
    """Rule-of-thumb benchmark used by the category team: base units x (1 + 2 x depth)."""

    def fit(self, weeks):
        return self

    def predict(self, weeks):
        return np.expm1(weeks["log_base_units"].to_numpy()) * (1 + 2 * weeks["depth"].to_numpy())
