"""Synthetic linear-logistic contextual bandit calibrated to the CTR range of the feed."""
import numpy as np


class LogisticContextualBandit:
    def __init__(self, n_arms, dim, noise, rng, reward="logistic"):
        self.rng = rng
        self.n_arms, self.dim = n_arms, dim
        self.theta = rng.normal(0, 1 / np.sqrt(dim), size=(n_arms, dim))
        self.bias = rng.uniform(-3.5, -2.5, size=n_arms)
        self.noise = noise
        self.reward = reward

    def context(self):
        x = self.rng.normal(size=self.dim)
        return x / np.linalg.norm(x)

    def probs(self, x):
        return 1 / (1 + np.exp(-(self.theta @ x + self.bias)))

    def step(self, x, arm):
        p = self.probs(x)
        r = float(self.rng.random() < p[arm])
        return r, float(p.max() - p[arm]), int(arm == p.argmax())
