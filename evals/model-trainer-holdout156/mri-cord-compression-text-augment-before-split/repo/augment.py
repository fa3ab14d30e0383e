"""EDA-style text augmentation (Wei & Zou 2019) with a small radiology synonym table."""
import random

import pandas as pd

SYNONYMS = {
    "compression": ["impingement", "effacement"],
    "severe": ["marked", "high-grade"],
    "moderate": ["intermediate"],
    "narrowing": ["stenosis"],
    "stenosis": ["narrowing"],
    "cord": ["spinal cord"],
    "mass": ["lesion"],
    "collapse": ["height loss"],
    "edema": ["signal abnormality"],
    "epidural": ["extradural"],
}


def synonym_replace(tokens, rng, n):
    idx = [i for i, t in enumerate(tokens) if t in SYNONYMS]
    for i in rng.sample(idx, min(n, len(idx))):
        tokens[i] = rng.choice(SYNONYMS[tokens[i]])
    return tokens


def random_swap(tokens, rng, n):
    for _ in range(n):
        if len(tokens) < 2:
            break
        a, b = rng.sample(range(len(tokens)), 2)
        tokens[a], tokens[b] = tokens[b], tokens[a]
    return tokens


def random_delete(tokens, rng, p):
    kept = [t for t in tokens if rng.random() > p]
    return kept or tokens[:1]


def eda(text, rng, alpha=0.1):
    tokens = text.split()
    n = max(1, int(alpha * len(tokens)))
    op = rng.choice([synonym_replace, random_swap, random_delete])
    out = op(tokens[:], rng, alpha if op is random_delete else n)
    return " ".join(out)


def augment_minority(df, text_col, label_col, n_aug=4, seed=0):
    rng = random.Random(seed)
    pos = df[df[label_col] == 1]
    new_rows = []
    for _, row in pos.iterrows():
        for _ in range(n_aug):
            r = row.copy()
            r[text_col] = eda(row[text_col], rng)
            new_rows.append(r)
    return pd.concat([df, pd.DataFrame(new_rows)], ignore_index=True)
