import numpy as np
import torch


def ranking_metrics(model, histories, truth, seen, n_items, k, device, batch=512):
    """Recall@k and NDCG@k over the full catalogue, excluding already-heard episodes."""
    was_training = model.training
    model.train(False)
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    recalls, ndcgs = [], []
    with torch.inference_mode():
        items = model.item_vec(torch.arange(n_items, device=device))
        users = np.array(sorted(truth))
        for s in range(0, len(users), batch):
            ub = users[s:s + batch]
            scores = model.user_vec(histories[ub].to(device)) @ items.T
            for row, u in enumerate(ub):
                heard = seen.get(u)
                if heard is not None:
                    scores[row, heard] = float("-inf")
            top = torch.topk(scores, k).indices.cpu().numpy()
            for row, u in enumerate(ub):
                rel = np.isin(top[row], truth[u]).astype(float)
                n = min(len(truth[u]), k)
                recalls.append(rel.sum() / n)
                ndcgs.append((rel * disc).sum() / disc[:n].sum())
    model.train(was_training)
    return float(np.mean(recalls)), float(np.mean(ndcgs))


def popularity_metrics(item_counts, truth, seen, k):
    order = np.argsort(-item_counts)
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    recalls, ndcgs = [], []
    for u, rel_items in truth.items():
        heard = set(seen.get(u, ()))
        top = [i for i in order[: k + len(heard)] if i not in heard][:k]
        rel = np.isin(top, rel_items).astype(float)
        n = min(len(rel_items), k)
        recalls.append(rel.sum() / n)
        ndcgs.append((rel * disc[: len(rel)]).sum() / disc[:n].sum())
    return float(np.mean(recalls)), float(np.mean(ndcgs))
