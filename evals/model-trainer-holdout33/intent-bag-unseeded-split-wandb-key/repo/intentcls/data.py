import re
from collections import Counter

import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset

TOKEN_RE = re.compile(r"[a-z0-9']+")
PAD, UNK = "<pad>", "<unk>"


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


class Vocab:
    def __init__(self, texts, max_size, min_freq):
        counts = Counter(tok for t in texts for tok in tokenize(t))
        common = [w for w, c in counts.most_common(max_size) if c >= min_freq]
        self.itos = [PAD, UNK] + common
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def encode(self, text):
        return [self.stoi.get(tok, 1) for tok in tokenize(text)] or [1]

    def __len__(self):
        return len(self.itos)


def load_splits(path, val_frac, test_frac):
    df = pd.read_csv(path).dropna(subset=["utterance", "intent"])
    train_df, holdout = train_test_split(df, test_size=val_frac + test_frac, stratify=df["intent"])
    val_df, test_df = train_test_split(holdout, test_size=test_frac / (val_frac + test_frac),
                                       stratify=holdout["intent"])
    return train_df.reset_index(drop=True), val_df.reset_index(drop=True), test_df.reset_index(drop=True)


class IntentDataset(Dataset):
    def __init__(self, frame, vocab, label2id):
        self.ids = [vocab.encode(t) for t in frame["utterance"]]
        self.labels = [label2id[l] for l in frame["intent"]]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.ids[i], self.labels[i]


def collate(batch):
    seqs, labels = zip(*batch)
    offsets = torch.tensor([0] + [len(s) for s in seqs[:-1]]).cumsum(0)
    flat = torch.tensor([tok for s in seqs for tok in s])
    return flat, offsets, torch.tensor(labels)
