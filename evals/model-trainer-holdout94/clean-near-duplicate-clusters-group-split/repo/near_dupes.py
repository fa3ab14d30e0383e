"""Cluster near-duplicate comments (spam templates, copy-paste) with MinHash LSH."""
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NON_WORD = re.compile(r"[^a-z0-9 ]+")


def shingles(text: str, k: int = 5):
    text = NON_WORD.sub(" ", text.lower())
    text = " ".join(text.split())
    if len(text) <= k:
        return {text}
    return {text[i:i + k] for i in range(len(text) - k + 1)}


def minhash(text: str, num_perm: int, seed: int) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=seed)
    for sh in shingles(text):
        m.update(sh.encode("utf-8"))
    return m


def cluster_near_duplicates(texts, threshold: float = 0.8, num_perm: int = 128, seed: int = 1):
    """Return one integer cluster id per text; texts with Jaccard >= threshold share an id."""
    parent = np.arange(len(texts))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for i, text in enumerate(texts):
        m = minhash(text, num_perm, seed)
        for j in lsh.query(m):
            ri, rj = find(i), find(int(j))
            if ri != rj:
                parent[ri] = rj
        lsh.insert(str(i), m)
    return np.array([find(i) for i in range(len(texts))])
