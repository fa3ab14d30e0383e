"""Byte n-gram features (Kolter & Maloof style) via the hashing trick."""
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

MAX_BYTES = 1 << 20  # first 1 MiB of each file


def bytes_as_tokens(path, max_bytes=MAX_BYTES):
    data = Path(path).read_bytes()[:max_bytes]
    return " ".join(f"{b:02x}" for b in data)


def make_hasher(n=4, n_features=2**20):
    # stateless: no vocabulary, so the same hasher can be used for any split
    return HashingVectorizer(
        analyzer="word",
        token_pattern=r"\S+",
        ngram_range=(n, n),
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        binary=True,
        dtype=np.float32,
    )


def hash_files(paths, hasher, batch=256):
    from scipy import sparse
    blocks = []
    for i in range(0, len(paths), batch):
        docs = [bytes_as_tokens(p) for p in paths[i:i + batch]]
        blocks.append(hasher.transform(docs))
    return sparse.vstack(blocks).tocsr()
