import numpy as np
import torch


def mrr_at_k(df, score_col, k=10):
    rr = []
    for _, g in df.groupby("qid"):
        top = g.sort_values(score_col, ascending=False).head(k)["label"].to_numpy()
        hits = np.flatnonzero(top > 0)
        rr.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(rr))


def recall_at_k(df, score_col, k=50):
    rec = []
    for _, g in df.groupby("qid"):
        n_rel = (g["label"] > 0).sum()
        if n_rel == 0:
            continue
        top = g.sort_values(score_col, ascending=False).head(k)
        rec.append((top["label"] > 0).sum() / n_rel)
    return float(np.mean(rec))


def score_candidates(model, loader, device):
    scores = np.zeros(len(loader.dataset), dtype=np.float32)
    for batch in loader:
        idx = batch.pop("extra").numpy()
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits.squeeze(-1)
        scores[idx] = logits.detach().float().cpu().numpy()
    return scores


def evaluate_reranker(model, loader, device):
    df = loader.dataset.df.copy()
    df["ce_score"] = score_candidates(model, loader, device)
    df["neg_bm25_rank"] = -df["bm25_rank"]
    return {
        "mrr@10": mrr_at_k(df, "ce_score"),
        "recall@50": recall_at_k(df, "ce_score"),
        "bm25_mrr@10": mrr_at_k(df, "neg_bm25_rank"),
    }
