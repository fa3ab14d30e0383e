"""Item-kNN (cosine) baseline for the grocery "buy it again / try this" rail.

Leave-last-out on basket history, HR@10 and NDCG@10 vs. a most-popular baseline.

    python itemknn_baseline.py data/orders.csv --neighbours 100
"""
import argparse

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.preprocessing import normalize

ap = argparse.ArgumentParser()
ap.add_argument("orders")
ap.add_argument("--neighbours", type=int, default=100)
ap.add_argument("--k", type=int, default=10)
ap.add_argument("--min-orders", type=int, default=5)
args = ap.parse_args()

orders = pd.read_csv(args.orders, usecols=["customer_id", "product_id", "order_ts"], parse_dates=["order_ts"])
orders = orders.sort_values("order_ts").drop_duplicates(["customer_id", "product_id"], keep="first")
n_per_customer = orders.groupby("customer_id")["product_id"].transform("size")
orders = orders[n_per_customer >= args.min_orders].copy()
orders["u"] = orders["customer_id"].astype("category").cat.codes
orders["i"] = orders["product_id"].astype("category").cat.codes
n_users, n_items = orders["u"].max() + 1, orders["i"].max() + 1

# most recent new product per customer is the target
orders = orders.sort_values(["u", "order_ts"], kind="stable")
is_last = orders.groupby("u").cumcount(ascending=False) == 0
train, test = orders[~is_last], orders[is_last]

X = sp.csr_matrix((np.ones(len(train), dtype=np.float32), (train["u"], train["i"])), shape=(n_users, n_items))

# item-item cosine similarity, keep the top-N neighbours per item
sim = cosine_similarity(X.T, dense_output=False).tolil()
sim.setdiag(0)
sim = sim.tocsr()
rows = []
for item in range(n_items):
    row = sim.getrow(item)
    if row.nnz > args.neighbours:
        keep = np.argpartition(-row.data, args.neighbours)[: args.neighbours]
        row = sp.csr_matrix((row.data[keep], (np.zeros_like(keep), row.indices[keep])), shape=(1, n_items))
    rows.append(row)
sim = normalize(sp.vstack(rows).tocsr(), norm="l1", axis=1)

popularity = np.asarray(X.sum(axis=0)).ravel()


def rank_of(scores, seen, target):
    scores = scores.copy()
    scores[seen] = -np.inf
    return int((scores > scores[target]).sum())


hr = {"itemknn": 0.0, "popular": 0.0}
ndcg = {"itemknn": 0.0, "popular": 0.0}
for u, target in zip(test["u"].to_numpy(), test["i"].to_numpy()):
    seen = X[u].indices
    knn_scores = np.asarray((X[u] @ sim).todense()).ravel()
    for name, scores in [("itemknn", knn_scores), ("popular", popularity.astype(float))]:
        r = rank_of(scores, seen, target)
        if r < args.k:
            hr[name] += 1
            ndcg[name] += 1 / np.log2(r + 2)

n = len(test)
for name in hr:
    print(f"{name:8s} HR@{args.k} {hr[name] / n:.4f}  NDCG@{args.k} {ndcg[name] / n:.4f}")
