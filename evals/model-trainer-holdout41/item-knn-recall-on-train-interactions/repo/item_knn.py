"""Item-item kNN recommender for the "frequently bought with" email block.

Builds a BM25-weighted user x item matrix from order lines, computes pruned
cosine item-item similarities and evaluates precision/recall@10.
"""
import argparse
import json

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.metrics.pairwise import cosine_similarity

SEED = 5


def build_matrix(lines: pd.DataFrame):
    users = lines["customer_id"].astype("category")
    items = lines["sku"].astype("category")
    X = sp.csr_matrix(
        (np.ones(len(lines), dtype=np.float32), (users.cat.codes, items.cat.codes)),
        shape=(len(users.cat.categories), len(items.cat.categories)),
    )
    X.data = np.minimum(X.data, 1.0)  # binarise repeat purchases
    return X, users.cat.categories, items.cat.categories


def bm25_weight(X, k1=1.2, b=0.75):
    X = X.tocoo()
    n_users = X.shape[0]
    idf = np.log(n_users / (1.0 + np.bincount(X.col, minlength=X.shape[1])))
    row_len = np.asarray(X.sum(axis=1)).ravel()
    avg_len = row_len.mean()
    denom = k1 * (1.0 - b + b * row_len[X.row] / avg_len) + X.data
    data = X.data * (k1 + 1.0) / denom * idf[X.col]
    return sp.csr_matrix((data, (X.row, X.col)), shape=X.shape)


def item_similarity(X, top_k=100):
    sim = cosine_similarity(X.T, dense_output=False).tolil()
    sim.setdiag(0)
    sim = sim.tocsr()
    for r in range(sim.shape[0]):
        start, end = sim.indptr[r], sim.indptr[r + 1]
        if end - start > top_k:
            row = sim.data[start:end]
            row[row < np.partition(row, -top_k)[-top_k]] = 0.0
    sim.eliminate_zeros()
    return sim


def precision_recall_at_k(scores, truth, users, k=10):
    precs, recs = [], []
    for u in users:
        row = np.asarray(scores[u].todense()).ravel() if sp.issparse(scores) else scores[u]
        top = np.argpartition(-row, k)[:k]
        rel = set(truth[u].indices)
        if not rel:
            continue
        hits = len(rel.intersection(top))
        precs.append(hits / k)
        recs.append(hits / len(rel))
    return float(np.mean(precs)), float(np.mean(recs))


def main(args):
    lines = pd.read_parquet(args.orders, columns=["customer_id", "sku", "order_date"])
    lines = lines[lines["order_date"] >= args.since]
    X, customers, skus = build_matrix(lines)
    print(f"{X.shape[0]:,} customers x {X.shape[1]:,} skus, density {X.nnz / np.prod(X.shape):.5f}")

    sim = item_similarity(bm25_weight(X), top_k=args.neighbours)
    scores = X @ sim

    rng = np.random.default_rng(SEED)
    eval_users = rng.choice(X.shape[0], size=min(20_000, X.shape[0]), replace=False)
    p_knn, r_knn = precision_recall_at_k(scores, X, eval_users)
    popularity = np.asarray(X.sum(axis=0)).ravel()
    top_pop = set(np.argsort(-popularity)[:10])
    hits = [len(top_pop.intersection(X[u].indices)) for u in eval_users]
    p_pop = float(np.mean(hits)) / 10
    r_pop = float(np.mean([h / max(X[u].nnz, 1) for h, u in zip(hits, eval_users)]))

    report = {"precision@10": p_knn, "recall@10": r_knn, "pop_precision@10": p_pop, "pop_recall@10": r_pop,
              "catalogue_coverage": float((np.asarray(sim.sum(axis=0)).ravel() > 0).mean())}
    print(json.dumps(report, indent=2))
    sp.save_npz(args.out, sim)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", default="data/order_lines.parquet")
    ap.add_argument("--since", default="2023-01-01")
    ap.add_argument("--neighbours", type=int, default=100)
    ap.add_argument("--out", default="artifacts/item_sim.npz")
    main(ap.parse_args())
