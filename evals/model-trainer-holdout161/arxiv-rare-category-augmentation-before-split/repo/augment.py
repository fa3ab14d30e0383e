"""Cheap text augmentation for under-represented arXiv categories."""
import random
import re

import pandas as pd

SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")


def sentence_shuffle(text: str, rng: random.Random) -> str:
    """Keep the first sentence (usually the problem statement), shuffle the rest."""
    sents = SENT_SPLIT.split(text)
    if len(sents) < 3:
        return text
    head, rest = sents[0], sents[1:]
    rng.shuffle(rest)
    return " ".join([head] + rest)


def word_dropout(text: str, rng: random.Random, p: float = 0.1) -> str:
    words = text.split()
    kept = [w for w in words if rng.random() > p]
    return " ".join(kept) if kept else text


def augment_minority(df: pd.DataFrame, label_col: str, text_col: str,
                     target_count: int = 1500, seed: int = 0) -> pd.DataFrame:
    """Top up every class below `target_count` with perturbed copies of its own abstracts."""
    rng = random.Random(seed)
    counts = df[label_col].value_counts()
    new_rows = []
    for label, n in counts.items():
        if n >= target_count:
            continue
        pool = df[df[label_col] == label]
        for i in range(target_count - n):
            row = pool.iloc[i % len(pool)].copy()
            fn = sentence_shuffle if i % 2 == 0 else word_dropout
            row[text_col] = fn(row[text_col], rng)
            new_rows.append(row)
    if not new_rows:
        return df
    return pd.concat([df, pd.DataFrame(new_rows)], ignore_index=True)
