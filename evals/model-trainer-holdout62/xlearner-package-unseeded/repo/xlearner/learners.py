"""A small X-learner (Künzel et al., 2019) on top of scikit-learn forests."""
import numpy as np
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor


class XLearner:
    def __init__(self, outcome_model=None, effect_model=None, propensity_model=None):
        self.outcome_model = outcome_model or RandomForestRegressor(
            n_estimators=300, min_samples_leaf=30, max_features=0.5, n_jobs=-1)
        self.effect_model = effect_model or RandomForestRegressor(
            n_estimators=300, min_samples_leaf=50, max_features=0.5, n_jobs=-1)
        self.propensity_model = propensity_model or RandomForestClassifier(
            n_estimators=200, min_samples_leaf=100, n_jobs=-1)

    def fit(self, X, t, y):
        X, t, y = np.asarray(X), np.asarray(t), np.asarray(y, dtype=float)
        X1, y1, X0, y0 = X[t == 1], y[t == 1], X[t == 0], y[t == 0]

        self.mu1_ = clone(self.outcome_model).fit(X1, y1)
        self.mu0_ = clone(self.outcome_model).fit(X0, y0)

        d1 = y1 - self.mu0_.predict(X1)
        d0 = self.mu1_.predict(X0) - y0
        self.tau1_ = clone(self.effect_model).fit(X1, d1)
        self.tau0_ = clone(self.effect_model).fit(X0, d0)

        self.prop_ = clone(self.propensity_model).fit(X, t)
        return self

    def predict(self, X):
        X = np.asarray(X)
        g = np.clip(self.prop_.predict_proba(X)[:, 1], 0.05, 0.95)
        return g * self.tau0_.predict(X) + (1 - g) * self.tau1_.predict(X)
