"""Full-ranking evaluation (no sampled negatives): rank the held-out item among all items,
masking items the user already has in the history the model was trained on."""
import numpy as np
import torch


def rank_metrics(scores: torch.Tensor, history_csr, users: np.ndarray, targets: np.ndarray, k: int):
    scores = scores.clone()
    rows = history_csr[users]
    r, c = rows.nonzero()
    scores[torch.as_tensor(r), torch.as_tensor(c)] = -torch.inf
    target_scores = scores[torch.arange(len(users)), torch.as_tensor(targets)]
    rank = (scores > target_scores[:, None]).sum(1).float()
    hit = (rank < k).float()
    ndcg = torch.where(rank < k, 1.0 / torch.log2(rank + 2), torch.zeros_like(rank))
    return {"recall": hit.mean().item(), "ndcg": ndcg.mean().item()}


@torch.no_grad()
def evaluate_model(model, history_csr, holdout, k, device, batch=2048):
    model.eval()
    users, targets = holdout["user"].to_numpy(), holdout["item"].to_numpy()
    agg = {"recall": 0.0, "ndcg": 0.0}
    for s in range(0, len(users), batch):
        u = users[s:s + batch]
        sc = model.all_scores(torch.as_tensor(u, device=device)).cpu()
        m = rank_metrics(sc, history_csr, u, targets[s:s + batch], k)
        for key in agg:
            agg[key] += m[key] * len(u)
    return {key: v / len(users) for key, v in agg.items()}


def evaluate_popularity(history_csr, holdout, k):
    pop = torch.as_tensor(np.asarray(history_csr.sum(0)).ravel(), dtype=torch.float32)
    users, targets = holdout["user"].to_numpy(), holdout["item"].to_numpy()
    sc = pop.expand(len(users), -1)
    return rank_metrics(sc, history_csr, users, targets, k)
