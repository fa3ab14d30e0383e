"""Implicit-feedback ALS for the "recommended for you" grocery carousel.

Protocol: for every customer with >= 3 baskets, the last basket is the test target and the
second-to-last is the validation target; everything earlier is training history.
"""
import argparse
import json

import numpy as np
import pandas as pd
import scipy.sparse as sp
from implicit.als import AlternatingLeastSquares
from implicit.nearest_neighbours import bm25_weight

SEED = 606


def split_baskets(lines):
    order_rank = lines.groupby("customer_id")["order_date"].rank(method="dense", ascending=False)
    n_orders = lines.groupby("customer_id")["order_id"].transform("nunique")
    eligible = n_orders >= 3
    test = lines[eligible & (order_rank == 1)]
    valid = lines[eligible & (order_rank == 2)]
    history = lines[~eligible | (order_rank > 2)]
    return history, valid, test


def to_matrix(frame, n_users, n_items):
    m = sp.csr_matrix((np.ones(len(frame), dtype=np.float32), (frame["u"], frame["i"])), shape=(n_users, n_items))
    m.sum_duplicates()
    return m


def ranking_metrics(recs, truth, k=10):
    prec, rec, ndcg = [], [], []
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    for row, items in zip(recs, truth):
        rel = np.isin(row[:k], list(items))
        prec.append(rel.sum() / k)
        rec.append(rel.sum() / len(items))
        ideal = discounts[:min(len(items), k)].sum()
        ndcg.append((rel * discounts).sum() / ideal)
    return {"precision@10": float(np.mean(prec)), "recall@10": float(np.mean(rec)), "ndcg@10": float(np.mean(ndcg))}


def evaluate(model_recs_fn, history_m, target):
    truth = target.groupby("u")["i"].apply(set)
    users = truth.index.to_numpy()
    recs = model_recs_fn(users, history_m)
    return ranking_metrics(recs, truth.to_numpy())


def als_recs(model):
    def fn(users, history_m):
        ids, _ = model.recommend(users, history_m[users], N=10, filter_already_liked_items=True)
        return ids
    return fn


def popularity_recs(history_m):
    order = np.argsort(-np.asarray(history_m.sum(axis=0)).ravel())

    def fn(users, hm):
        out = []
        for u in users:
            seen = set(hm[u].indices)
            out.append(np.array([i for i in order[:200] if i not in seen][:10]))
        return out
    return fn


def fit_als(matrix, factors, reg, iters):
    model = AlternatingLeastSquares(factors=factors, regularization=reg, iterations=iters, random_state=SEED)
    model.fit(bm25_weight(matrix, K1=100, B=0.8).tocsr(), show_progress=False)
    return model


def main(args):
    lines = pd.read_parquet(args.lines, columns=["customer_id", "order_id", "order_date", "product_id"])
    lines["u"] = lines["customer_id"].astype("category").cat.codes
    lines["i"] = lines["product_id"].astype("category").cat.codes
    n_users, n_items = lines["u"].max() + 1, lines["i"].max() + 1
    history, valid, test = split_baskets(lines)

    hist_m = to_matrix(history, n_users, n_items)
    tuning = []
    for factors in (64, 128, 256):
        for reg in (0.01, 0.1):
            m = fit_als(hist_m, factors, reg, args.iterations)
            tuning.append({"factors": factors, "reg": reg, **evaluate(als_recs(m), hist_m, valid)})
    best = max(tuning, key=lambda r: r["ndcg@10"])
    print(pd.DataFrame(tuning).to_string(index=False))

    hist_valid_m = to_matrix(pd.concat([history, valid]), n_users, n_items)
    final = fit_als(hist_valid_m, best["factors"], best["reg"], args.iterations)
    report = {
        "chosen": {"factors": best["factors"], "reg": best["reg"]},
        "als_test": evaluate(als_recs(final), hist_valid_m, test),
        "popularity_test": evaluate(popularity_recs(hist_valid_m), hist_valid_m, test),
    }
    print(json.dumps(report, indent=2))
    np.save(args.out_prefix + "_item_factors.npy", final.item_factors)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", required=True)
    ap.add_argument("--out-prefix", required=True)
    ap.add_argument("--iterations", type=int, default=15)
    main(ap.parse_args())
