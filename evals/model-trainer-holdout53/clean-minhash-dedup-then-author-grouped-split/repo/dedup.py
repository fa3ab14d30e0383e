"""Exact and near-duplicate removal for short user-generated text."""
import hashlib
import re

from datasketch import MinHash, MinHashLSH

_ws = re.compile(r"\s+")
_nonword = re.compile(r"[^\w\s]")


def canonical(text):
    return _ws.sub(" ", _nonword.sub(" ", text.lower())).strip()


def shingles(text, k=5):
    t = canonical(text)
    return {t[i:i + k] for i in range(max(1, len(t) - k + 1))}


def drop_near_duplicates(df, text_col, threshold=0.85, num_perm=128):
    df = df.assign(_hash=df[text_col].map(lambda t: hashlib.md5(canonical(t).encode()).hexdigest()))
    df = df.drop_duplicates(subset="_hash").drop(columns="_hash")

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    keep = []
    for idx, text in zip(df.index, df[text_col]):
        mh = MinHash(num_perm=num_perm, seed=1)
        for sh in shingles(text):
            mh.update(sh.encode("utf8"))
        if lsh.query(mh):
            continue
        lsh.insert(str(idx), mh)
        keep.append(idx)
    return df.loc[keep]
