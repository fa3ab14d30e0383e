"""Help-centre search: dense vs BM25 vs reciprocal-rank fusion vs a learned score fusion.

Reports recall@5/20, MRR@10 and nDCG@10 on a 30% query hold-out.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from retrieval.index import DenseIndex, LexicalIndex
from retrieval.metrics import mrr_at_k, ndcg_at_k, recall_at_k

SEED = 12
TOP_N = 50
ENCODER = "sentence-transformers/multi-qa-mpnet-base-dot-v1"


def per_query_rank(scores):
    return (-scores).argsort(axis=1).argsort(axis=1)


def candidate_features(dense, lex, q_rows):
    d, l = dense[q_rows], lex[q_rows]
    l_norm = l / np.clip(l.max(axis=1, keepdims=True), 1e-9, None)
    d_rank, l_rank = per_query_rank(d), per_query_rank(l)
    cand = (d_rank < TOP_N) | (l_rank < TOP_N)
    feats = np.stack([d, l_norm, 1.0 / (1 + d_rank), 1.0 / (1 + l_rank)], axis=-1)
    return feats, cand


def rank_lists(score_matrix, doc_ids, k=100):
    order = (-score_matrix).argsort(axis=1)[:, :k]
    return [[doc_ids[j] for j in row] for row in order]


def main():
    docs = pd.read_json("data/articles.jsonl", lines=True)
    queries = pd.read_csv("data/search_queries_qrels.csv")
    qrels = queries.groupby("query_id")["article_id"].apply(set)
    qtext = queries.drop_duplicates("query_id").set_index("query_id")["query"].loc[qrels.index]
    doc_ids = docs["article_id"].tolist()
    col = {d: j for j, d in enumerate(doc_ids)}

    dense = DenseIndex(ENCODER, docs["title"] + ". " + docs["body"], cache="cache/articles_mpnet.npy").scores(qtext)
    lex = LexicalIndex(docs["title"] + " " + docs["body"]).scores(qtext)

    q_train, q_test = train_test_split(np.arange(len(qtext)), test_size=0.3, random_state=SEED)

    feats, cand = candidate_features(dense, lex, q_train)
    labels = np.zeros(cand.shape, dtype=int)
    for i, q in enumerate(q_train):
        labels[i, [col[a] for a in qrels.iloc[q] if a in col]] = 1
    fusion = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    fusion.fit(feats[cand], labels[cand])

    te_feats, te_cand = candidate_features(dense, lex, q_test)
    learned = np.where(te_cand, fusion.decision_function(te_feats.reshape(-1, 4)).reshape(te_cand.shape), -np.inf)
    rrf = 1.0 / (60 + per_query_rank(dense[q_test])) + 1.0 / (60 + per_query_rank(lex[q_test]))

    relevant = [qrels.iloc[q] for q in q_test]
    results = {}
    for name, s in [("bm25", lex[q_test]), ("dense", dense[q_test]), ("rrf", rrf), ("learned_fusion", learned)]:
        ranked = rank_lists(s, doc_ids)
        results[name] = {"recall@5": recall_at_k(ranked, relevant, 5), "recall@20": recall_at_k(ranked, relevant, 20),
                         "mrr@10": mrr_at_k(ranked, relevant), "ndcg@10": ndcg_at_k(ranked, relevant)}
    table = pd.DataFrame(results).T.round(4)
    print(f"{len(q_train)} train queries, {len(q_test)} test queries")
    print(table.to_string())
    Path("artifacts").mkdir(exist_ok=True)
    (Path("artifacts") / "retrieval_eval.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
