"""LambdaMART ranker for the catalogue search judgments (LETOR-style export).

Usage:
    python train_ranker.py --data data/judgments_2024q1.svm --top-k-features 60
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
from sklearn.datasets import load_svmlight_file
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 1234
BM25_TITLE_COL = 0


def load_letor(path):
    X, y, qid = load_svmlight_file(str(path), query_id=True)
    X = X.toarray().astype(np.float32)
    order = np.argsort(qid, kind="stable")
    return X[order], y[order].astype(int), qid[order]


def group_sizes(qid):
    _, counts = np.unique(qid, return_counts=True)
    return counts


def per_query_ndcg(y, scores, qid, k):
    out = []
    for q in np.unique(qid):
        mask = qid == q
        if mask.sum() < 2 or y[mask].max() == 0:
            continue
        out.append(ndcg_score([y[mask]], [scores[mask]], k=k))
    return float(np.mean(out))


def per_query_mrr(y, scores, qid, rel_threshold=2):
    rr = []
    for q in np.unique(qid):
        mask = qid == q
        ranked = y[mask][np.argsort(-scores[mask])]
        hits = np.flatnonzero(ranked >= rel_threshold)
        rr.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(rr))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--top-k-features", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    X, y, qid = load_letor(args.data)
    print(f"{len(np.unique(qid))} queries, {X.shape[0]} pairs, {X.shape[1]} features")
    bm25_title = X[:, BM25_TITLE_COL].copy()

    selector = SelectKBest(mutual_info_classif, k=args.top_k_features)
    X = selector.fit_transform(X, y)
    kept = selector.get_support(indices=True).tolist()

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(splitter.split(X, y, groups=qid))
    X_tr, y_tr, q_tr = X[train_idx], y[train_idx], qid[train_idx]
    X_te, y_te, q_te = X[test_idx], y[test_idx], qid[test_idx]

    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    fit_idx, val_idx = next(inner.split(X_tr, y_tr, groups=q_tr))

    ranker = lgb.LGBMRanker(
        objective="lambdarank",
        n_estimators=2000,
        learning_rate=0.05,
        num_leaves=63,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
    )
    ranker.fit(
        X_tr[fit_idx], y_tr[fit_idx], group=group_sizes(q_tr[fit_idx]),
        eval_set=[(X_tr[val_idx], y_tr[val_idx])],
        eval_group=[group_sizes(q_tr[val_idx])],
        eval_at=[5, 10],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)],
    )

    scores = ranker.predict(X_te)
    bm25 = bm25_title[test_idx]
    report = {
        "kept_features": kept,
        "best_iteration": ranker.best_iteration_,
        "lambdamart": {
            "ndcg@5": per_query_ndcg(y_te, scores, q_te, 5),
            "ndcg@10": per_query_ndcg(y_te, scores, q_te, 10),
            "mrr": per_query_mrr(y_te, scores, q_te),
        },
        "bm25_only": {
            "ndcg@5": per_query_ndcg(y_te, bm25, q_te, 5),
            "ndcg@10": per_query_ndcg(y_te, bm25, q_te, 10),
            "mrr": per_query_mrr(y_te, bm25, q_te),
        },
    }
    print(json.dumps(report, indent=2))
    (args.out / "metrics.json").write_text(json.dumps(report, indent=2))
    ranker.booster_.save_model(str(args.out / "lambdamart.txt"))


if __name__ == "__main__":
    main()
