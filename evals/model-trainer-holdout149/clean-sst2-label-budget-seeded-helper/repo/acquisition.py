import numpy as np


def _topk(scores, k, rng):
    # random tie-break so identical scores don't always favour low indices
    jitter = rng.uniform(0, 1e-9, size=len(scores))
    return np.argsort(-(scores + jitter))[:k]


def random_acq(clf, X_pool, k, rng):
    return rng.choice(X_pool.shape[0], size=k, replace=False)


def entropy_acq(clf, X_pool, k, rng):
    p = clf.predict_proba(X_pool)
    return _topk(-(p * np.log(p + 1e-12)).sum(1), k, rng)


def margin_acq(clf, X_pool, k, rng):
    p = np.sort(clf.predict_proba(X_pool), axis=1)
    return _topk(-(p[:, -1] - p[:, -2]), k, rng)


ACQUISITIONS = {"random": random_acq, "entropy": entropy_acq, "margin": margin_acq}
