"""Vocabulary building and bag-of-words datasets for the intent classifier."""
import re
from collections import Counter

import torch
from torch.utils.data import Dataset

TOKEN_RE = re.compile(r"[a-z0-9']+")


def tokenize(text: str):
    return TOKEN_RE.findall(text.lower())


class Vocab:
    def __init__(self, counter: Counter, min_freq: int = 2, max_size: int = 30_000):
        words = [w for w, c in counter.most_common(max_size) if c >= min_freq]
        self.itos = ["<unk>"] + words
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    @classmethod
    def build(cls, texts, **kwargs):
        counter = Counter()
        for t in texts:
            counter.update(tokenize(t))
        return cls(counter, **kwargs)

    def bow(self, text: str) -> torch.Tensor:
        vec = torch.zeros(len(self.itos))
        for tok in tokenize(text):
            vec[self.stoi.get(tok, 0)] += 1.0
        return torch.log1p(vec)


class BowDataset(Dataset):
    def __init__(self, texts, labels, vocab: Vocab):
        self.texts = list(texts)
        self.labels = torch.as_tensor(list(labels), dtype=torch.long)
        self.vocab = vocab

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, idx):
        return {"bow": self.vocab.bow(self.texts[idx]), "label": self.labels[idx]}
