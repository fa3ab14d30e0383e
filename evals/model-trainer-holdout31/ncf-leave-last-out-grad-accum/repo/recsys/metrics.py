import numpy as np
import torch


def rank_of_positive(scores: torch.Tensor) -> torch.Tensor:
    """scores[:, 0] is the held-out positive; returns its 0-based rank among the candidates."""
    return (scores[:, 1:] > scores[:, :1]).sum(dim=1)


def hit_rate(ranks, k=10):
    return float((ranks < k).float().mean())


def ndcg(ranks, k=10):
    r = ranks.float()
    return float(torch.where(r < k, 1.0 / torch.log2(r + 2.0), torch.zeros_like(r)).mean())


def popularity_scores(train_items: np.ndarray, cands: torch.Tensor) -> torch.Tensor:
    counts = np.bincount(train_items, minlength=int(cands.max()) + 1)
    return torch.tensor(counts[cands.numpy()], dtype=torch.float32)
