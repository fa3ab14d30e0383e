"""Off-policy value estimators for deterministic target policies."""
import numpy as np


def ips(target_actions, logged_actions, rewards, propensities, clip=0.0):
    w = (target_actions == logged_actions) / np.maximum(propensities, clip)
    return float(np.mean(w * rewards))


def snips(target_actions, logged_actions, rewards, propensities, clip=0.0):
    w = (target_actions == logged_actions) / np.maximum(propensities, clip)
    if w.sum() == 0:
        return float("nan")
    return float(np.sum(w * rewards) / np.sum(w))


def effective_sample_size(target_actions, logged_actions, propensities, clip=0.0):
    w = (target_actions == logged_actions) / np.maximum(propensities, clip)
    return float(w.sum() ** 2 / np.maximum((w ** 2).sum(), 1e-12))
