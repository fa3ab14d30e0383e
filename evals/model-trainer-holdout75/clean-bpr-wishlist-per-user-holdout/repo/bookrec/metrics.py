import numpy as np
import torch


@torch.no_grad()
def recall_ndcg(model, known, truth, k, device):
    """Full-catalogue ranking. Items already known for the user (training positives) are masked out."""
    model.eval()
    scores = model.user.weight @ model.item.weight.T
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    rec, ndcg = [], []
    for u, rel in truth.items():
        s = scores[u].clone()
        if u in known:
            s[torch.as_tensor(known[u], device=device)] = -torch.inf
        top = torch.topk(s, k).indices.cpu().numpy()
        hits = np.isin(top, rel).astype(float)
        n = min(len(rel), k)
        rec.append(hits.sum() / n)
        ndcg.append((hits * disc).sum() / disc[:n].sum())
    return float(np.mean(rec)), float(np.mean(ndcg))


def popularity_recall_ndcg(counts, known, truth, k):
    order = np.argsort(-counts)
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    rec, ndcg = [], []
    for u, rel in truth.items():
        kn = set(known.get(u, np.array([])).tolist())
        top = np.array([i for i in order[: k + len(kn)] if i not in kn][:k])
        hits = np.isin(top, rel).astype(float)
        n = min(len(rel), k)
        rec.append(hits.sum() / n)
        ndcg.append((hits * disc[: len(hits)]).sum() / disc[:n].sum())
    return float(np.mean(rec)), float(np.mean(ndcg))
