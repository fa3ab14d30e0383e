"""Acquisition functions. Each returns positions into X_pool."""
import numpy as np


def random_sampling(model, X_pool, n, rng=None):
    rng = rng or np.random.default_rng()
    return rng.choice(len(X_pool), size=n, replace=False)


def least_confidence(model, X_pool, n, rng=None):
    proba = model.predict_proba(X_pool)
    return np.argsort(proba.max(axis=1))[:n]


def margin(model, X_pool, n, rng=None):
    proba = np.sort(model.predict_proba(X_pool), axis=1)
    return np.argsort(proba[:, -1] - proba[:, -2])[:n]


def entropy(model, X_pool, n, rng=None):
    proba = model.predict_proba(X_pool)
    ent = -(proba * np.log(np.clip(proba, 1e-12, None))).sum(axis=1)
    return np.argsort(-ent)[:n]


STRATEGIES = {
    "random": random_sampling,
    "least_confidence": least_confidence,
    "margin": margin,
    "entropy": entropy,
}
