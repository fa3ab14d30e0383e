import numpy as np


def recall_at_k(ranked, relevant, k):
    return np.mean([len(set(r[:k]) & rel) / len(rel) for r, rel in zip(ranked, relevant)])


def mrr_at_k(ranked, relevant, k=10):
    out = []
    for r, rel in zip(ranked, relevant):
        rr = 0.0
        for pos, doc in enumerate(r[:k], start=1):
            if doc in rel:
                rr = 1.0 / pos
                break
        out.append(rr)
    return float(np.mean(out))


def ndcg_at_k(ranked, relevant, k=10):
    out = []
    for r, rel in zip(ranked, relevant):
        dcg = sum(1.0 / np.log2(i + 2) for i, d in enumerate(r[:k]) if d in rel)
        idcg = sum(1.0 / np.log2(i + 2) for i in range(min(len(rel), k)))
        out.append(dcg / idcg)
    return float(np.mean(out))
