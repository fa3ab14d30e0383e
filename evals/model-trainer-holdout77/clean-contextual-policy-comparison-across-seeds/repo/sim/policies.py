"""Contextual bandit policies sharing a per-arm ridge regression state."""
import numpy as np


class RidgeArms:
    def __init__(self, n_arms, dim, ridge):
        self.A_inv = np.stack([np.eye(dim) / ridge for _ in range(n_arms)])
        self.b = np.zeros((n_arms, dim))

    def theta(self):
        return np.einsum("kij,kj->ki", self.A_inv, self.b)

    def update(self, x, arm, r):
        Ainv = self.A_inv[arm]
        Ax = Ainv @ x
        self.A_inv[arm] = Ainv - np.outer(Ax, Ax) / (1.0 + x @ Ax)
        self.b[arm] += r * x


class Uniform:
    def __init__(self, n_arms, dim, rng):
        self.n_arms, self.rng = n_arms, rng

    def select(self, x):
        return int(self.rng.integers(self.n_arms))

    def update(self, x, arm, r):
        pass


class EpsGreedy(RidgeArms):
    def __init__(self, n_arms, dim, rng, epsilon, ridge):
        super().__init__(n_arms, dim, ridge)
        self.rng, self.eps, self.n_arms = rng, epsilon, n_arms

    def select(self, x):
        if self.rng.random() < self.eps:
            return int(self.rng.integers(self.n_arms))
        return int(np.argmax(self.theta() @ x))


class LinUCB(RidgeArms):
    def __init__(self, n_arms, dim, rng, alpha, ridge):
        super().__init__(n_arms, dim, ridge)
        self.alpha = alpha

    def select(self, x):
        width = np.sqrt(np.einsum("i,kij,j->k", x, self.A_inv, x))
        return int(np.argmax(self.theta() @ x + self.alpha * width))


class LinTS(RidgeArms):
    def __init__(self, n_arms, dim, rng, v, ridge):
        super().__init__(n_arms, dim, ridge)
        self.rng, self.v = rng, v

    def select(self, x):
        th = self.theta()
        samples = [self.rng.multivariate_normal(th[k], self.v ** 2 * self.A_inv[k]) for k in range(len(th))]
        return int(np.argmax(np.array(samples) @ x))


REGISTRY = {"uniform": Uniform, "eps_greedy": EpsGreedy, "linucb": LinUCB, "lin_ts": LinTS}
