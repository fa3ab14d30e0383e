"""Predict sell-through (share of seats sold) for subscription-season orchestra concerts.

Numpy-only on purpose: this runs inside the box-office server, which has nothing else installed.
Rows are concerts; seasons 2014-2021 fit, 2022 validation, 2023 test.
"""
import csv
import logging

import numpy as np

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("sellthrough")
rng = np.random.default_rng(2023)

FEATURES = ["composer_popularity", "soloist_followers_log", "is_weekend", "is_premiere", "n_works",
            "venue_capacity_k", "ticket_price_median", "days_on_sale", "guest_conductor", "month_sin", "month_cos"]


def load(path="data/concerts.csv"):
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    X = np.array([[float(r[f]) for f in FEATURES] for r in rows])
    y = np.array([float(r["sold"]) / float(r["capacity"]) for r in rows])
    season = np.array([int(r["season"]) for r in rows])
    return X, y, season


def fit_ridge(X, y, lam):
    Xb = np.hstack([np.ones((len(X), 1)), X])
    penalty = lam * np.eye(Xb.shape[1])
    penalty[0, 0] = 0.0  # do not shrink the intercept
    return np.linalg.solve(Xb.T @ Xb + penalty, Xb.T @ y)


def predict(w, X):
    return np.clip(w[0] + X @ w[1:], 0.0, 1.0)


def mae(a, b):
    return float(np.mean(np.abs(a - b)))


def rmse(a, b):
    return float(np.sqrt(np.mean((a - b) ** 2)))


def main():
    X, y, season = load()
    fit, val, test = season <= 2021, season == 2022, season == 2023

    mu = X[fit].mean(axis=0)
    sd = X[fit].std(axis=0) + 1e-9
    Z = (X - mu) / sd

    lambdas = np.logspace(-3, 3, 25)
    val_mae = [mae(y[val], predict(fit_ridge(Z[fit], y[fit], lam), Z[val])) for lam in lambdas]
    lam = float(lambdas[int(np.argmin(val_mae))])
    log.info("lambda %.4g (validation MAE %.4f)", lam, min(val_mae))

    dev = fit | val
    w = fit_ridge(Z[dev], y[dev], lam)
    pred = predict(w, Z[test])
    base = np.full(test.sum(), y[dev].mean())

    # bootstrap CI of the test MAE (resampling concerts, no refitting)
    resid = np.abs(y[test] - pred)
    boots = [resid[rng.integers(0, len(resid), len(resid))].mean() for _ in range(2000)]
    lo, hi = np.percentile(boots, [2.5, 97.5])
    log.info("TEST ridge MAE %.4f [%.4f, %.4f] RMSE %.4f | mean baseline MAE %.4f RMSE %.4f",
             mae(y[test], pred), lo, hi, rmse(y[test], pred), mae(y[test], base), rmse(y[test], base))
    np.savez("sellthrough_ridge.npz", w=w, mu=mu, sd=sd, lam=lam)


if __name__ == "__main__":
    main()
