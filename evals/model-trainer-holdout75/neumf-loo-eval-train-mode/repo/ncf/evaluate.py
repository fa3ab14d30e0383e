import numpy as np
import torch


def hit_ndcg_at_k(model, users, pos_items, negatives, device, k=10, batch_size=512):
    """Leave-one-out protocol: rank each held-out item against its sampled negatives."""
    hits, ndcgs = [], []
    for start in range(0, len(users), batch_size):
        u = users[start:start + batch_size]
        cand = np.concatenate([pos_items[start:start + batch_size, None],
                               negatives[start:start + batch_size]], axis=1)
        u_t = torch.as_tensor(np.repeat(u, cand.shape[1]), device=device)
        i_t = torch.as_tensor(cand.reshape(-1), device=device)
        scores = model(u_t, i_t).view(len(u), -1).detach().cpu().numpy()
        rank = (scores[:, 1:] >= scores[:, :1]).sum(axis=1)
        hit = rank < k
        hits.append(hit)
        ndcgs.append(np.where(hit, 1.0 / np.log2(rank + 2), 0.0))
    return float(np.concatenate(hits).mean()), float(np.concatenate(ndcgs).mean())


def popularity_hit_ndcg(item_counts, pos_items, negatives, k=10):
    cand = np.concatenate([pos_items[:, None], negatives], axis=1)
    scores = item_counts[cand].astype(float)
    rank = (scores[:, 1:] >= scores[:, :1]).sum(axis=1)
    hit = rank < k
    return float(hit.mean()), float(np.where(hit, 1.0 / np.log2(rank + 2), 0.0).mean())
