import os
import random
import re
from collections import Counter

import numpy as np
import torch

TOKEN_RE = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")


def seed_everything(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def tokenize(text: str):
    return TOKEN_RE.findall(text.lower())


def build_vocab(texts, min_freq: int):
    counts = Counter(tok for t in texts for tok in tokenize(t))
    itos = ["<pad>", "<unk>"] + sorted(w for w, c in counts.items() if c >= min_freq)
    return {w: i for i, w in enumerate(itos)}


def encode(text, vocab, max_len):
    ids = [vocab.get(tok, 1) for tok in tokenize(text)][:max_len]
    return ids + [0] * (max_len - len(ids)), max(len(ids), 1)
