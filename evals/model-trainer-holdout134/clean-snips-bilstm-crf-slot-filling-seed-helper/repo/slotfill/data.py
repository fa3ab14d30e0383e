from collections import Counter

import torch
from torch.nn.utils.rnn import pad_sequence

PAD, UNK = "<pad>", "<unk>"


def read_conll(path):
    """Blank-line separated sentences, 'token<TAB>BIO-tag' per line."""
    sents, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sents.append((words, tags))
                    words, tags = [], []
                continue
            w, t = line.split("\t")
            words.append(w.lower())
            tags.append(t)
    if words:
        sents.append((words, tags))
    return sents


def build_vocab(sents, min_freq=1):
    counts = Counter(w for ws, _ in sents for w in ws)
    words = [PAD, UNK] + sorted(w for w, c in counts.items() if c >= min_freq)
    tags = sorted({t for _, ts in sents for t in ts})
    return {w: i for i, w in enumerate(words)}, {t: i for i, t in enumerate(tags)}


def make_collate(w2i, t2i):
    def collate(batch):
        xs = [torch.tensor([w2i.get(w, 1) for w in ws]) for ws, _ in batch]
        ys = [torch.tensor([t2i.get(t, t2i["O"]) for t in ts]) for _, ts in batch]
        x = pad_sequence(xs, batch_first=True, padding_value=0)
        y = pad_sequence(ys, batch_first=True, padding_value=t2i["O"])
        return x, y, x != 0
    return collate
