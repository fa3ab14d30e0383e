import numpy as np
import pandas as pd


def load_ml1m(path):
    df = pd.read_csv(path, sep="::", engine="python", names=["user", "item", "rating", "ts"])
    df["user"] = df["user"].astype("category").cat.codes
    df["item"] = df["item"].astype("category").cat.codes
    return df


def leave_last_out(df):
    """Per user: latest interaction -> test, second latest -> validation, rest -> train."""
    df = df.sort_values(["user", "ts"])
    rank = df.groupby("user").cumcount(ascending=False)
    test = df[rank == 0]
    valid = df[rank == 1]
    train = df[rank >= 2]
    return train, valid, test


def user_positive_sets(df):
    return df.groupby("user")["item"].apply(set).to_dict()


def sample_eval_negatives(holdout, all_pos, n_items, num_neg, rng):
    negs = np.empty((len(holdout), num_neg), dtype=np.int64)
    for row, user in enumerate(holdout["user"].to_numpy()):
        pos = all_pos[user]
        cand = rng.integers(0, n_items, size=num_neg * 2)
        cand = [c for c in cand if c not in pos]
        while len(cand) < num_neg:
            c = rng.integers(0, n_items)
            if c not in pos:
                cand.append(c)
        negs[row] = cand[:num_neg]
    return holdout["user"].to_numpy(), holdout["item"].to_numpy(), negs


def sample_training_examples(train, train_pos, n_items, num_neg, rng):
    users = train["user"].to_numpy()
    items = train["item"].to_numpy()
    neg_users = np.repeat(users, num_neg)
    neg_items = rng.integers(0, n_items, size=len(neg_users))
    for idx in np.flatnonzero([i in train_pos[u] for u, i in zip(neg_users, neg_items)]):
        while neg_items[idx] in train_pos[neg_users[idx]]:
            neg_items[idx] = rng.integers(0, n_items)
    all_users = np.concatenate([users, neg_users])
    all_items = np.concatenate([items, neg_items])
    labels = np.concatenate([np.ones(len(users)), np.zeros(len(neg_users))]).astype(np.float32)
    return all_users, all_items, labels
