import numpy as np


class BPRSampler:
    """Triples (u, i, j): i is a training positive of u, j an item not in u's training set."""

    def __init__(self, train_pos, n_items, rng):
        self.train_pos = {u: set(items.tolist()) for u, items in train_pos.items()}
        self.users = np.concatenate([np.full(len(v), u) for u, v in train_pos.items()])
        self.items = np.concatenate(list(train_pos.values()))
        self.n_items = n_items
        self.rng = rng

    def epoch(self):
        order = self.rng.permutation(len(self.users))
        users, items = self.users[order], self.items[order]
        negs = self.rng.integers(0, self.n_items, size=len(users))
        for k in range(len(users)):
            while negs[k] in self.train_pos[users[k]]:
                negs[k] = self.rng.integers(0, self.n_items)
        return users, items, negs
