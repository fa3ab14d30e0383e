"""Product-title attribute tagging data (BRAND / COLOR / SIZE / MATERIAL, BIO scheme)."""
import json
from collections import Counter

import torch
from torch.utils.data import Dataset

PAD, UNK = "<pad>", "<unk>"


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class Vocab:
    def __init__(self, tokens, min_freq=1, specials=(PAD, UNK)):
        counts = Counter(tokens)
        self.itos = list(specials) + sorted(t for t, c in counts.items() if c >= min_freq and t not in specials)
        self.stoi = {t: i for i, t in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    def encode(self, seq):
        unk = self.stoi.get(UNK, 0)
        return [self.stoi.get(t, unk) for t in seq]


def build_vocabs(train_rows, min_freq=2):
    words = Vocab((t.lower() for r in train_rows for t in r["tokens"]), min_freq=min_freq)
    tags = Vocab((t for r in train_rows for t in r["tags"]), specials=(PAD,))
    return words, tags


class TitleDataset(Dataset):
    def __init__(self, rows, words, tags):
        self.items = [
            (torch.tensor(words.encode([t.lower() for t in r["tokens"]])), torch.tensor(tags.encode(r["tags"])))
            for r in rows
        ]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, idx):
        return self.items[idx]


def collate(batch):
    lengths = torch.tensor([len(x) for x, _ in batch])
    words = torch.nn.utils.rnn.pad_sequence([x for x, _ in batch], batch_first=True, padding_value=0)
    tags = torch.nn.utils.rnn.pad_sequence([y for _, y in batch], batch_first=True, padding_value=0)
    return words, tags, lengths
