import re
from collections import Counter

import torch
from torch.nn.utils.rnn import pad_sequence

_TOK = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")


def tokens(msg):
    return _TOK.findall(msg.lower())


def build_vocab(train_msgs, min_count=2):
    counts = Counter(t for m in train_msgs for t in tokens(m))
    itos = ["<pad>", "<unk>"] + sorted(t for t, c in counts.items() if c >= min_count)
    return {t: i for i, t in enumerate(itos)}


def encode_batch(msgs, vocab, max_len=80):
    seqs = [torch.tensor([vocab.get(t, 1) for t in tokens(m)][:max_len] or [1]) for m in msgs]
    return pad_sequence(seqs, batch_first=True, padding_value=0)
