import numpy as np
import torch


@torch.no_grad()
def recall_mrr(model, loader, device, k=20):
    model.eval()
    hits, rr = [], []
    for seq, target in loader:
        logits = model(seq.to(device))
        logits[:, 0] = -float("inf")
        topk = logits.topk(k, dim=1).indices.cpu()
        match = topk == target.unsqueeze(1)
        hits.append(match.any(dim=1).float().numpy())
        rank = match.float().argmax(dim=1) + 1
        rr.append(torch.where(match.any(dim=1), 1.0 / rank, torch.zeros_like(rank, dtype=torch.float)).numpy())
    return float(np.concatenate(hits).mean()), float(np.concatenate(rr).mean())


def popularity_recall(train_targets, loader, k=20):
    top = torch.bincount(train_targets).topk(k).indices
    hits = [torch.isin(t, top).float().numpy() for _, t in loader]
    return float(np.concatenate(hits).mean())
