import numpy as np
import torch


@torch.no_grad()
def score_pairs(model, loader, device):
    model.eval()
    out = []
    for enc in loader:
        enc = {k: v.to(device) for k, v in enc.items()}
        out.append(model(**enc).logits.squeeze(-1).float().cpu())
    return torch.cat(out).numpy()


def ranking_metrics(df, score_col, k=10):
    rr, ndcg = [], []
    for _, g in df.groupby("qid"):
        rel = g.sort_values(score_col, ascending=False)["relevance"].to_numpy()
        top = rel[:k]
        hits = np.flatnonzero(top > 0)
        rr.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
        disc = 1.0 / np.log2(np.arange(2, len(top) + 2))
        ideal = np.sort(rel)[::-1][:k]
        idcg = np.sum((2.0 ** ideal - 1) * disc[: len(ideal)])
        if idcg > 0:
            ndcg.append(np.sum((2.0 ** top - 1) * disc) / idcg)
    return {f"mrr@{k}": float(np.mean(rr)), f"ndcg@{k}": float(np.mean(ndcg))}
