import numpy as np


def hit_ndcg_at_k(scores, k=10):
    """scores: (U, 1 + n_neg) with the true item in column 0."""
    rank = (scores[:, 1:] > scores[:, :1]).sum(axis=1)  # 0-based rank of the true item
    hit = rank < k
    ndcg = np.where(hit, 1.0 / np.log2(rank + 2), 0.0)
    return {"hr@10": float(hit.mean()), "ndcg@10": float(ndcg.mean())}
