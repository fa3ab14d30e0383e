import re
from collections import Counter

TOKEN_RE = re.compile(r"[a-z0-9']+")
PAD, UNK = 0, 1


def tokenize(text):
    return TOKEN_RE.findall(text.lower().replace("<br />", " "))


class Vocab:
    def __init__(self, max_size=30000, min_freq=3):
        self.max_size, self.min_freq = max_size, min_freq

    def fit(self, texts):
        counts = Counter(tok for t in texts for tok in tokenize(t))
        kept = [w for w, c in counts.most_common(self.max_size) if c >= self.min_freq]
        self.itos = ["<pad>", "<unk>"] + kept
        self.stoi = {w: i for i, w in enumerate(self.itos)}
        return self

    def encode(self, text, max_len=400):
        ids = [self.stoi.get(tok, UNK) for tok in tokenize(text)][:max_len]
        return ids or [UNK]

    def __len__(self):
        return len(self.itos)
