"""Cross-fitted nuisance models for the DR-learner (Kennedy, 2023)."""
import numpy as np
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def propensity_model(seed):
    return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=5000, random_state=seed))


def outcome_model(seed):
    return HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05, min_samples_leaf=40, random_state=seed)


def cross_fit_pseudo_outcomes(X, t, y, n_folds, seed, clip):
    """Out-of-fold propensity/outcome predictions and DR pseudo-outcomes."""
    n = len(y)
    e_hat, mu0_hat, mu1_hat = np.zeros(n), np.zeros(n), np.zeros(n)
    folds = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for fit_idx, pred_idx in folds.split(X, t):
        Xf, tf, yf = X[fit_idx], t[fit_idx], y[fit_idx]
        e_hat[pred_idx] = clone(propensity_model(seed)).fit(Xf, tf).predict_proba(X[pred_idx])[:, 1]
        mu0_hat[pred_idx] = clone(outcome_model(seed)).fit(Xf[tf == 0], yf[tf == 0]).predict(X[pred_idx])
        mu1_hat[pred_idx] = clone(outcome_model(seed)).fit(Xf[tf == 1], yf[tf == 1]).predict(X[pred_idx])
    e_hat = np.clip(e_hat, *clip)
    return dr_pseudo_outcome(t, y, e_hat, mu0_hat, mu1_hat), e_hat


def dr_pseudo_outcome(t, y, e_hat, mu0_hat, mu1_hat):
    mu_t = np.where(t == 1, mu1_hat, mu0_hat)
    return (t - e_hat) / (e_hat * (1 - e_hat)) * (y - mu_t) + mu1_hat - mu0_hat
