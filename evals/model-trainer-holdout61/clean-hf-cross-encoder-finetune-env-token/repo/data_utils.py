import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.model_selection import GroupShuffleSplit


def load_pairs(path):
    """BM25 top-50 candidates per query with graded labels (0-3) from the annotation tool."""
    df = pd.read_json(path, lines=True)
    df["label"] = (df["grade"] >= 2).astype(np.float32)
    return df


def split_by_query(df, seed, test_size=0.15, valid_size=0.1):
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df["qid"]))
    dev = df.iloc[dev_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=valid_size, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev["qid"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], df.iloc[test_idx]


def to_hf(df, tokenizer, max_length):
    ds = Dataset.from_pandas(df[["query", "passage", "label"]].reset_index(drop=True))
    return ds.map(lambda b: tokenizer(b["query"], b["passage"], truncation=True, max_length=max_length),
                  batched=True, remove_columns=["query", "passage"])


def per_query_metrics(df, score_col, k=10):
    ndcgs, rrs = [], []
    for _, g in df.groupby("qid"):
        grades = g.sort_values(score_col, ascending=False)["grade"].to_numpy()
        ideal = np.sort(g["grade"].to_numpy())[::-1]
        disc = 1.0 / np.log2(np.arange(2, k + 2))
        idcg = ((2.0 ** ideal[:k] - 1) * disc[: min(k, ideal.size)]).sum()
        if idcg == 0:
            continue
        ndcgs.append(((2.0 ** grades[:k] - 1) * disc[: min(k, grades.size)]).sum() / idcg)
        hits = np.flatnonzero(grades[:k] >= 2)
        rrs.append(1.0 / (hits[0] + 1) if hits.size else 0.0)
    return {"ndcg@10": float(np.mean(ndcgs)), "mrr@10": float(np.mean(rrs))}
