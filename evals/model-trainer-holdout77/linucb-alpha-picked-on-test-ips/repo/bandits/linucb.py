"""Disjoint LinUCB (Li et al., 2010) with offline replay training."""
import numpy as np


class LinUCB:
    def __init__(self, n_arms, dim, alpha=1.0, ridge_lambda=1.0):
        self.n_arms = n_arms
        self.alpha = alpha
        self.A = np.stack([ridge_lambda * np.eye(dim) for _ in range(n_arms)])
        self.b = np.zeros((n_arms, dim))

    def _theta(self):
        A_inv = np.linalg.inv(self.A)
        return A_inv, np.einsum("kij,kj->ki", A_inv, self.b)

    def scores(self, x):
        A_inv, theta = self._theta()
        mean = theta @ x
        width = np.sqrt(np.einsum("i,kij,j->k", x, A_inv, x))
        return mean + self.alpha * width

    def select(self, x):
        s = self.scores(x)
        return int(np.flatnonzero(s == s.max())[0])

    def update(self, x, arm, reward):
        self.A[arm] += np.outer(x, x)
        self.b[arm] += reward * x

    def fit_replay(self, X, actions, rewards):
        """Replay estimator training: only rounds where the policy agrees with the log are used."""
        matched = 0
        for x, a, r in zip(X, actions, rewards):
            if self.select(x) == a:
                self.update(x, a, r)
                matched += 1
        return matched
