"""Minimal forecasters sharing fit(y) / predict(h) so they can be backtested uniformly."""
import numpy as np


class SeasonalNaive:
    def __init__(self, m: int = 52):
        self.m = m

    def fit(self, y, h=None):
        self.tail_ = np.asarray(y, float)[-self.m:]
        return self

    def predict(self, h: int):
        return np.resize(self.tail_, h)


class Drift:
    def fit(self, y, h=None):
        y = np.asarray(y, float)
        self.last_, self.slope_ = y[-1], (y[-1] - y[0]) / (len(y) - 1)
        return self

    def predict(self, h: int):
        return self.last_ + self.slope_ * np.arange(1, h + 1)


class DirectLagModel:
    """One regressor per horizon step on the last `p` values and a week-of-year Fourier term."""

    def __init__(self, make_estimator, p: int = 26, period: int = 52):
        self.make_estimator, self.p, self.period = make_estimator, p, period

    def _design(self, y, t_index):
        rows = [y[t - self.p:t] for t in t_index]
        phase = 2 * np.pi * np.asarray(t_index) / self.period
        return np.column_stack([np.array(rows), np.sin(phase), np.cos(phase)])

    def fit(self, y, h: int = 13):
        y = np.asarray(y, float)
        self.y_, self.models_ = y, []
        for step in range(h):
            t_index = np.arange(self.p, len(y) - step)
            self.models_.append(self.make_estimator().fit(self._design(y, t_index), y[t_index + step]))
        return self

    def predict(self, h: int):
        x = self._design(self.y_, [len(self.y_)])
        return np.array([self.models_[s].predict(x)[0] for s in range(h)])
