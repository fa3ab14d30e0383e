import re
from collections import Counter

import pandas as pd
import torch
from torch.utils.data import Dataset

PAD, UNK = "<pad>", "<unk>"
TOKEN_RE = re.compile(r"[a-z0-9']+")


def tokenize(text):
    return TOKEN_RE.findall(str(text).lower())


def build_vocab(texts, min_freq=2):
    counts = Counter(tok for t in texts for tok in tokenize(t))
    itos = [PAD, UNK] + sorted(w for w, c in counts.items() if c >= min_freq)
    return {w: i for i, w in enumerate(itos)}


class ReviewDataset(Dataset):
    """Amazon electronics reviews, label = star rating 1..5 mapped to 0..4."""

    def __init__(self, csv_path, vocab, text_col, label_col, max_len=256):
        df = pd.read_csv(csv_path).dropna(subset=[text_col])
        self.texts = df[text_col].tolist()
        self.labels = (df[label_col].astype(int) - 1).tolist()
        self.vocab = vocab
        self.max_len = max_len

    def __len__(self):
        return len(self.texts)

    def encode(self, text):
        unk = self.vocab[UNK]
        ids = [self.vocab.get(tok, unk) for tok in tokenize(text)][: self.max_len]
        return ids or [unk]

    def __getitem__(self, idx):
        return torch.tensor(self.encode(self.texts[idx])), self.labels[idx]


def collate(batch, min_len=5):
    seqs, labels = zip(*batch)
    max_len = max(min_len, max(len(s) for s in seqs))
    padded = torch.zeros(len(seqs), max_len, dtype=torch.long)
    for i, s in enumerate(seqs):
        padded[i, : len(s)] = s
    return padded, torch.tensor(labels)
