"""Simple whitespace/regex vocabulary."""
import re
from collections import Counter

TOKEN_RE = re.compile(r"[a-z0-9']+")
PAD, UNK = "<pad>", "<unk>"


def tokenize(text):
    return TOKEN_RE.findall(text.lower().replace("xx/xx/xxxx", " "))


class Vocab:
    def __init__(self, texts, min_freq=2):
        counts = Counter(tok for t in texts for tok in tokenize(t))
        self.itos = [PAD, UNK] + sorted(w for w, c in counts.items() if c >= min_freq)
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    def encode(self, text, max_len):
        ids = [self.stoi.get(tok, 1) for tok in tokenize(text)][:max_len]
        return ids + [0] * (max_len - len(ids))
