"""Weekly demand models used by the markdown-pricing optimiser."""
from __future__ import annotations

import abc

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.preprocessing import StandardScaler


class DemandModel(abc.ABC):
    """Predicts log(1 + units) for a SKU-store-week from price and calendar features."""

    feature_cols = ["log_price", "log_ref_price", "discount_pct", "week_of_year", "is_holiday", "log_units_ly"]

    def __init__(self, name: str):
        self.name = name
        self.scaler = StandardScaler()

    def _design(self, frame: pd.DataFrame) -> np.ndarray:
        return frame[self.feature_cols].to_numpy(dtype=float)

    @abc.abstractmethod
    def _fit_core(self, X: np.ndarray, y: np.ndarray) -> None: ...

    @abc.abstractmethod
    def _predict_core(self, X: np.ndarray) -> np.ndarray: ...

    def fit(self, frame: pd.DataFrame) -> "DemandModel":
        X = self.scaler.fit_transform(self._design(frame))
        self._fit_core(X, frame["log_units"].to_numpy())
        return self

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        X = self.scaler.transform(self._design(frame))
        return self._predict_core(X)

    def evaluate(self, frame: pd.DataFrame) -> dict:
        X = self.scaler.fit_transform(self._design(frame))
        pred_log = self._predict_core(X)
        units, pred = np.expm1(frame["log_units"].to_numpy()), np.expm1(pred_log)
        return {
            "model": self.name,
            "mae_units": mean_absolute_error(units, pred),
            "wape": np.abs(units - pred).sum() / units.sum(),
            "r2_log": r2_score(frame["log_units"], pred_log),
        }


class RidgeDemandModel(DemandModel):
    def __init__(self, alpha: float = 3.0):
        super().__init__("ridge")
        self.reg = Ridge(alpha=alpha)

    def _fit_core(self, X, y):
        self.reg.fit(X, y)

    def _predict_core(self, X):
        return self.reg.predict(X)

    def elasticity(self) -> float:
        # coefficient on standardised log price, mapped back to the raw log-price scale
        return self.reg.coef_[0] / self.scaler.scale_[0]


class GBMDemandModel(DemandModel):
    def __init__(self, seed: int = 0, **params):
        super().__init__("gbm")
        defaults = dict(n_estimators=500, learning_rate=0.05, max_depth=4, subsample=0.8, min_samples_leaf=30)
        defaults.update(params)
        self.reg = GradientBoostingRegressor(random_state=seed, **defaults)

    def _fit_core(self, X, y):
        self.reg.fit(X, y)

    def _predict_core(self, X):
        return self.reg.predict(X)


class LastYearModel(DemandModel):
    """Naive benchmark: same week last year's units."""

    def __init__(self):
        super().__init__("same-week-last-year")

    def _fit_core(self, X, y):
        pass

    def _predict_core(self, X):
        col = self.feature_cols.index("log_units_ly")
        return X[:, col] * self.scaler.scale_[col] + self.scaler.mean_[col]
