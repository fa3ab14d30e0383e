import numpy as np


def _dcg(labels, k):
    labels = np.asarray(labels, dtype=float)[:k]
    gains = 2.0 ** labels - 1.0
    discounts = np.log2(np.arange(2, len(labels) + 2))
    return float(np.sum(gains / discounts))


def ndcg_at_k(df, score_col, k, label_col="label"):
    vals = []
    for _, g in df.groupby("qid"):
        ideal = _dcg(np.sort(g[label_col].to_numpy())[::-1], k)
        if ideal == 0:
            continue
        ranked = g.sort_values(score_col, ascending=False)[label_col].to_numpy()
        vals.append(_dcg(ranked, k) / ideal)
    return float(np.mean(vals))


def mrr(df, score_col, label_col="label", min_label=1):
    vals = []
    for _, g in df.groupby("qid"):
        ranked = g.sort_values(score_col, ascending=False)[label_col].to_numpy()
        hits = np.flatnonzero(ranked >= min_label)
        vals.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(vals))
