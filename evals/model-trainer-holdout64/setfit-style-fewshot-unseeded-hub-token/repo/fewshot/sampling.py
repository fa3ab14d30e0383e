import random

import pandas as pd
from sentence_transformers import InputExample


def sample_few_shot(df, label_col, k):
    """Take k examples per class (all of them if a class has fewer than k)."""
    parts = []
    for _, group in df.groupby(label_col):
        parts.append(group.sample(n=min(k, len(group))))
    return pd.concat(parts).reset_index(drop=True)


def generate_pairs(texts, labels, pairs_per_example):
    """SetFit-style contrastive pairs: label 1.0 for same class, 0.0 otherwise."""
    by_label = {}
    for t, l in zip(texts, labels):
        by_label.setdefault(l, []).append(t)
    all_labels = list(by_label)

    examples = []
    for text, label in zip(texts, labels):
        for i in range(pairs_per_example):
            if i % 2 == 0:
                other = random.choice(by_label[label])
                examples.append(InputExample(texts=[text, other], label=1.0))
            else:
                neg_label = random.choice([l for l in all_labels if l != label])
                other = random.choice(by_label[neg_label])
                examples.append(InputExample(texts=[text, other], label=0.0))
    random.shuffle(examples)
    return examples
