"""Small, dependency-light forecasters with a darts-like fit(series) / predict(n) interface."""
import numpy as np


class SeasonalNaive:
    def __init__(self, season: int = 7):
        self.season = season

    def fit(self, y: np.ndarray):
        self.last_season_ = np.asarray(y, dtype=float)[-self.season:]
        return self

    def predict(self, n: int) -> np.ndarray:
        reps = int(np.ceil(n / self.season))
        return np.tile(self.last_season_, reps)[:n]


class HoltLinear:
    """Holt's linear trend exponential smoothing with fixed smoothing constants."""

    def __init__(self, alpha: float = 0.3, beta: float = 0.05):
        self.alpha, self.beta = alpha, beta

    def fit(self, y: np.ndarray):
        y = np.asarray(y, dtype=float)
        level, trend = y[0], y[1] - y[0]
        for value in y[1:]:
            prev_level = level
            level = self.alpha * value + (1 - self.alpha) * (level + trend)
            trend = self.beta * (level - prev_level) + (1 - self.beta) * trend
        self.level_, self.trend_ = level, trend
        return self

    def predict(self, n: int) -> np.ndarray:
        return self.level_ + self.trend_ * np.arange(1, n + 1)


class LagRegressor:
    """Recursive one-step regressor on the last `lags` values plus day-of-week dummies."""

    def __init__(self, estimator, lags: int = 28, season: int = 7):
        self.estimator, self.lags, self.season = estimator, lags, season

    def _row(self, history: np.ndarray, t: int) -> np.ndarray:
        dow = np.zeros(self.season)
        dow[t % self.season] = 1.0
        return np.concatenate([history[-self.lags:], dow])

    def fit(self, y: np.ndarray):
        y = np.asarray(y, dtype=float)
        X = np.stack([self._row(y[:t], t) for t in range(self.lags, len(y))])
        self.estimator.fit(X, y[self.lags:])
        self.history_ = y.copy()
        return self

    def predict(self, n: int) -> np.ndarray:
        history, out = list(self.history_), []
        for step in range(n):
            t = len(history)
            yhat = float(self.estimator.predict(self._row(np.asarray(history), t)[None, :])[0])
            out.append(yhat)
            history.append(yhat)
        return np.asarray(out)
