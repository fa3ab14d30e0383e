"""Unigram vocabulary + hashed bigrams, fastText style."""
import re
from collections import Counter

import torch

TOKEN = re.compile(r"[a-z0-9]+")
N_BUCKETS = 200_000


def tokens(text):
    return TOKEN.findall(text.lower())


class Featurizer:
    def __init__(self, min_count=2):
        self.min_count = min_count
        self.vocab = None

    def fit(self, texts):
        counts = Counter(t for text in texts for t in tokens(text))
        self.vocab = {w: i + 1 for i, w in enumerate(sorted(w for w, c in counts.items() if c >= self.min_count))}
        return self

    @property
    def size(self):
        return len(self.vocab) + 1 + N_BUCKETS

    def ids(self, text):
        toks = tokens(text)
        uni = [self.vocab.get(t, 0) for t in toks]
        bi = [len(self.vocab) + 1 + (hash_bigram(a, b) % N_BUCKETS) for a, b in zip(toks, toks[1:])]
        return torch.tensor((uni + bi) or [0], dtype=torch.long)


def hash_bigram(a, b):
    h = 2166136261
    for ch in f"{a} {b}".encode():
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


def collate(batch):
    ids, labels = zip(*batch)
    offsets = torch.tensor([0] + [len(x) for x in ids[:-1]]).cumsum(0)
    return torch.cat(ids), offsets, torch.tensor(labels, dtype=torch.float32)
