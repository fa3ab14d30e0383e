import random

import numpy as np
import pandas as pd
import torch


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load(path):
    df = pd.read_csv(path, usecols=["user_id", "course_id", "enrolled_at"], parse_dates=["enrolled_at"])
    df = df.drop_duplicates(["user_id", "course_id"])
    df = df[df.groupby("user_id")["course_id"].transform("size") >= 4]
    df["u"] = df["user_id"].astype("category").cat.codes.astype(np.int64)
    df["i"] = df["course_id"].astype("category").cat.codes.astype(np.int64)
    return df.sort_values(["u", "enrolled_at"]).reset_index(drop=True)


def leave_last_out(df):
    from_end = df.groupby("u").cumcount(ascending=False)
    return df[from_end >= 2], df[from_end == 1], df[from_end == 0]


def eval_candidates(targets, positives, n_items, rng, n_neg=99):
    """Each evaluated (user, target) gets 99 courses the user never enrolled in."""
    users, cands = [], []
    for u, target in zip(targets["u"].to_numpy(), targets["i"].to_numpy()):
        seen = positives[u]
        negs = []
        while len(negs) < n_neg:
            j = int(rng.integers(n_items))
            if j not in seen and j not in negs:
                negs.append(j)
        users.append(u)
        cands.append([target] + negs)
    return torch.tensor(users), torch.tensor(cands)


def training_pairs(train, positives, n_items, rng, n_neg=4):
    """Positives plus n_neg uniformly sampled unobserved courses per positive (resampled each epoch)."""
    u = np.repeat(train["u"].to_numpy(), 1 + n_neg)
    i = np.repeat(train["i"].to_numpy(), 1 + n_neg)
    y = np.tile([1.0] + [0.0] * n_neg, len(train))
    for k in np.flatnonzero(y == 0):
        j = int(rng.integers(n_items))
        while j in positives[u[k]]:
            j = int(rng.integers(n_items))
        i[k] = j
    return torch.tensor(u), torch.tensor(i), torch.tensor(y, dtype=torch.float32)
