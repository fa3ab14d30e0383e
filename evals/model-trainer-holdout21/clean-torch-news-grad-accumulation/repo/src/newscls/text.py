import re
from collections import Counter

import torch

TOKEN = re.compile(r"[a-z0-9']+")
PAD, UNK = 0, 1


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


class Vocab:
    def __init__(self, texts, min_freq: int = 3, max_size: int = 50000):
        counts = Counter(tok for t in texts for tok in tokenize(t))
        common = [w for w, c in counts.most_common(max_size) if c >= min_freq]
        self.itos = ["<pad>", "<unk>"] + common
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    def encode(self, text: str, max_len: int = 256) -> list[int]:
        return [self.stoi.get(tok, UNK) for tok in tokenize(text)[:max_len]] or [UNK]


def collate(batch):
    """batch of (ids, label) -> flat ids, offsets, labels for nn.EmbeddingBag."""
    ids = [torch.tensor(x, dtype=torch.long) for x, _ in batch]
    offsets = torch.tensor([0] + [len(x) for x in ids[:-1]]).cumsum(0)
    labels = torch.tensor([y for _, y in batch], dtype=torch.long)
    return torch.cat(ids), offsets, labels
