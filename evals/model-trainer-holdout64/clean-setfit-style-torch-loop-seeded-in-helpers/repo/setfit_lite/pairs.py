import numpy as np
import pandas as pd


def split_few_shot(df, label_col, k_train, k_val, rng):
    """Per class: k_train examples for training, k_val for validation, the rest is the test pool."""
    train_idx, val_idx = [], []
    for _, group in df.groupby(label_col):
        idx = rng.permutation(group.index.to_numpy())
        train_idx.extend(idx[:k_train])
        val_idx.extend(idx[k_train:k_train + k_val])
    rest = df.index.difference(pd.Index(train_idx + val_idx))
    return df.loc[train_idx], df.loc[val_idx], df.loc[rest]


def contrastive_pairs(texts, labels, per_example, rng):
    texts, labels = np.asarray(texts, dtype=object), np.asarray(labels)
    pairs = []
    for i in range(len(texts)):
        same = np.flatnonzero((labels == labels[i]) & (np.arange(len(texts)) != i))
        diff = np.flatnonzero(labels != labels[i])
        for j in range(per_example):
            if j % 2 == 0 and len(same):
                pairs.append((texts[i], texts[rng.choice(same)], 1.0))
            else:
                pairs.append((texts[i], texts[rng.choice(diff)], 0.0))
    order = rng.permutation(len(pairs))
    return [pairs[o] for o in order]
