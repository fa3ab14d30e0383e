"""IPS / SNIPS / DM / DR estimators for stochastic target policies."""
import numpy as np


def importance_weights(pi_target, actions, propensities, clip):
    w = pi_target[np.arange(len(actions)), actions] / propensities
    return np.minimum(w, clip)


def ips(rewards, w):
    return float(np.mean(w * rewards))


def snips(rewards, w):
    return float(np.sum(w * rewards) / np.sum(w))


def direct_method(pi_target, r_hat_all):
    return float(np.mean(np.sum(pi_target * r_hat_all, axis=1)))


def doubly_robust(rewards, w, pi_target, r_hat_all, actions):
    r_hat_logged = r_hat_all[np.arange(len(actions)), actions]
    dm_term = np.sum(pi_target * r_hat_all, axis=1)
    return float(np.mean(dm_term + w * (rewards - r_hat_logged)))


def effective_sample_size(w):
    return float(w.sum() ** 2 / np.sum(w ** 2))


def bootstrap_ci(fn, n, reps, rng, alpha=0.05):
    stats = [fn(rng.integers(0, n, size=n)) for _ in range(reps)]
    return float(np.quantile(stats, alpha / 2)), float(np.quantile(stats, 1 - alpha / 2))
