"""MovieLens-style implicit feedback with leave-last-out splitting."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_interactions(path: str, min_events: int = 5) -> pd.DataFrame:
    df = pd.read_csv(path, sep="::", engine="python", names=["user", "item", "rating", "ts"])
    counts = df.groupby("user")["item"].transform("size")
    df = df[counts >= min_events].copy()
    df["user"] = df["user"].astype("category").cat.codes
    df["item"] = df["item"].astype("category").cat.codes
    return df


def leave_last_out(df: pd.DataFrame):
    """Last interaction of each user -> test, second-to-last -> validation, rest -> train."""
    df = df.sort_values(["user", "ts"])
    rank = df.groupby("user").cumcount(ascending=False)
    return df[rank >= 2], df[rank == 1], df[rank == 0]


class PairwiseTrainSet(Dataset):
    """(user, positive item, sampled negative item) triples; negatives resampled each epoch."""

    def __init__(self, train: pd.DataFrame, n_items: int, rng: np.random.Generator):
        self.users = train["user"].to_numpy()
        self.pos = train["item"].to_numpy()
        self.n_items = n_items
        self.rng = rng
        self.seen = train.groupby("user")["item"].apply(set).to_dict()
        self.resample()

    def resample(self):
        neg = self.rng.integers(0, self.n_items, size=len(self.users))
        for i, (u, j) in enumerate(zip(self.users, neg)):
            while j in self.seen[u]:
                j = self.rng.integers(0, self.n_items)
            neg[i] = j
        self.neg = neg

    def __len__(self):
        return len(self.users)

    def __getitem__(self, i):
        return (torch.tensor(self.users[i]), torch.tensor(self.pos[i]), torch.tensor(self.neg[i]))


def candidate_lists(holdout: pd.DataFrame, seen: dict, n_items: int, rng, n_neg: int = 99):
    """For each user: the held-out item followed by 99 sampled unseen items (standard NCF protocol)."""
    users, cands = [], []
    for u, i in zip(holdout["user"], holdout["item"]):
        negs = set()
        while len(negs) < n_neg:
            j = int(rng.integers(0, n_items))
            if j != i and j not in seen.get(u, ()):
                negs.add(j)
        users.append(u)
        cands.append([i, *negs])
    return torch.tensor(users), torch.tensor(cands)
