import re
from collections import Counter

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


class Vocab:
    PAD, UNK = "<pad>", "<unk>"

    def __init__(self, texts, min_freq=2, max_size=None):
        counter = Counter(tok for t in texts for tok in tokenize(t))
        words = [w for w, c in counter.most_common(max_size) if c >= min_freq]
        self.itos = [self.PAD, self.UNK] + words
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    def __len__(self):
        return len(self.itos)

    def encode(self, text):
        unk = self.stoi[self.UNK]
        return [self.stoi.get(tok, unk) for tok in tokenize(text)]
