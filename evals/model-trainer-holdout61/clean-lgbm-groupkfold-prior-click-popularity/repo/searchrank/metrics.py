import numpy as np
from sklearn.metrics import ndcg_score


def per_query(df, score, fn, **kw):
    vals = [fn(g["grade"].to_numpy(), g[score].to_numpy(), **kw) for _, g in df.groupby("qid") if g["grade"].max() > 0]
    return float(np.mean(vals))


def ndcg(y, s, k=10):
    return ndcg_score([y], [s], k=k) if len(y) > 1 else 1.0


def average_precision(y, s, threshold=2):
    rel = (y >= threshold)[np.argsort(-s)]
    if rel.sum() == 0:
        return 0.0
    return float(np.sum(np.cumsum(rel)[rel] / (np.flatnonzero(rel) + 1)) / rel.sum())
