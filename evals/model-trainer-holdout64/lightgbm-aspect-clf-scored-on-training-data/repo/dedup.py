import numpy as np


def near_duplicate_mask(emb, threshold=0.95, block=2048):
    """Keep the first occurrence of every group of texts whose cosine similarity exceeds threshold.

    `emb` must be L2-normalised. Works block-wise so it fits in memory for ~200k rows.
    """
    n = emb.shape[0]
    keep = np.ones(n, dtype=bool)
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = emb[start:stop] @ emb[:stop].T
        for i in range(start, stop):
            if not keep[i]:
                continue
            row = sims[i - start, :i]
            if row.size and (row[keep[:i]] >= threshold).any():
                keep[i] = False
    return keep
