"""MovieLens-1M as implicit feedback with a per-user leave-last-out split."""
import numpy as np
import pandas as pd


def load_ml1m(path):
    df = pd.read_csv(path, sep="::", engine="python", names=["user", "item", "rating", "ts"])
    # contiguous ids; this is only a relabelling, it learns nothing from the data
    df["u"], _ = pd.factorize(df["user"], sort=True)
    df["i"], items = pd.factorize(df["item"], sort=True)
    return df, df["u"].nunique(), len(items)


def leave_last_out(df):
    """Per user: latest interaction -> test, second latest -> validation, rest -> train."""
    df = df.sort_values(["u", "ts", "i"])
    pos_from_end = df.groupby("u").cumcount(ascending=False)
    test = df[pos_from_end == 0]
    val = df[pos_from_end == 1]
    train = df[pos_from_end >= 2]
    return train, val, test


def sample_candidates(heldout, seen_by_user, n_items, n_neg, rng):
    """For each held-out (u, i): the true item followed by n_neg items the user never interacted with."""
    users, cands = [], []
    for u, i in zip(heldout["u"].to_numpy(), heldout["i"].to_numpy()):
        seen = seen_by_user[u]
        negs = []
        while len(negs) < n_neg:
            j = int(rng.integers(n_items))
            if j not in seen and j not in negs:
                negs.append(j)
        users.append(u)
        cands.append([i] + negs)
    return np.array(users), np.array(cands)
