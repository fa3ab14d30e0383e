import re
from collections import Counter

TOKEN = re.compile(r"[a-z0-9']+")


def tokenize(text):
    return TOKEN.findall(text.lower())


class Vocab:
    def __init__(self, texts, min_freq=2, max_size=50_000):
        counts = Counter(tok for t in texts for tok in tokenize(t))
        common = [w for w, c in counts.most_common(max_size) if c >= min_freq]
        self.itos = ["<pad>", "<unk>"] + common
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    def encode(self, text):
        return [self.stoi.get(tok, 1) for tok in tokenize(text)] or [1]
