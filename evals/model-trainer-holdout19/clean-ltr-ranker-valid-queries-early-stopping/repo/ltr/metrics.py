import numpy as np
import pandas as pd


def _dcg(rels):
    rels = np.asarray(rels, dtype=float)
    return float(((2 ** rels - 1) / np.log2(np.arange(2, rels.size + 2))).sum())


def ndcg_at(frame: pd.DataFrame, score_col: str, k: int) -> float:
    out = []
    for _, g in frame.groupby("qid", sort=False):
        ideal = _dcg(np.sort(g["label"].to_numpy())[::-1][:k])
        if ideal == 0:
            continue
        ranked = g.sort_values(score_col, ascending=False)["label"].to_numpy()[:k]
        out.append(_dcg(ranked) / ideal)
    return float(np.mean(out))


def mrr(frame: pd.DataFrame, score_col: str) -> float:
    rr = []
    for _, g in frame.groupby("qid", sort=False):
        ranked = g.sort_values(score_col, ascending=False)["label"].to_numpy()
        hits = np.flatnonzero(ranked > 0)
        rr.append(1.0 / (hits[0] + 1) if hits.size else 0.0)
    return float(np.mean(rr))
