import numpy as np
import torch


@torch.no_grad()
def recall_ndcg_at_k(model, truth, seen, n_items, device, k=50, batch_users=1024):
    model.eval()
    item_emb = model.all_item_embeddings(n_items, device)
    users = sorted(truth)
    recalls, ndcgs = [], []
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    for start in range(0, len(users), batch_users):
        chunk = users[start:start + batch_users]
        u = model.user_tower(torch.as_tensor(chunk, device=device))
        scores = u @ item_emb.T
        for row, uid in enumerate(chunk):
            excl = list(seen.get(uid, ()))
            if excl:
                scores[row, excl] = -float("inf")
        topk = torch.topk(scores, k, dim=1).indices.cpu().numpy()
        for row, uid in enumerate(chunk):
            rel = np.isin(topk[row], list(truth[uid])).astype(float)
            recalls.append(rel.sum() / min(len(truth[uid]), k))
            ideal = discounts[: min(len(truth[uid]), k)].sum()
            ndcgs.append((rel * discounts).sum() / ideal)
    return float(np.mean(recalls)), float(np.mean(ndcgs))


def popularity_recall_ndcg(train_counts, truth, seen, k=50):
    order = np.argsort(-train_counts)
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    recalls, ndcgs = [], []
    for uid, items in truth.items():
        s = seen.get(uid, set())
        top = [i for i in order[: k + len(s)] if i not in s][:k]
        rel = np.isin(top, list(items)).astype(float)
        recalls.append(rel.sum() / min(len(items), k))
        ndcgs.append((rel * discounts[: len(rel)]).sum() / discounts[: min(len(items), k)].sum())
    return float(np.mean(recalls)), float(np.mean(ndcgs))
