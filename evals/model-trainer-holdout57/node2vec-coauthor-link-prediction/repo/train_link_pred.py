"""Co-authorship link prediction: node2vec embeddings + logistic regression.

Predicts whether two authors have co-authored a paper from the Hadamard
product of their node2vec embeddings.
"""
import argparse
import random

import networkx as nx
import numpy as np
import pandas as pd
from node2vec import Node2Vec
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 13


def load_graph(path):
    edges = pd.read_csv(path, dtype={"author_a": str, "author_b": str})
    G = nx.from_pandas_edgelist(edges, "author_a", "author_b")
    G.remove_edges_from(nx.selfloop_edges(G))
    # keep the giant component so every author gets visited by the walks
    giant = max(nx.connected_components(G), key=len)
    return G.subgraph(giant).copy()


def sample_negative_edges(G, n, rng):
    nodes = list(G.nodes())
    negatives = set()
    while len(negatives) < n:
        u, v = rng.sample(nodes, 2)
        if u == v or G.has_edge(u, v) or (v, u) in negatives:
            continue
        negatives.add((u, v))
    return list(negatives)


def hadamard_features(wv, pairs):
    return np.array([wv[u] * wv[v] for u, v in pairs])


def main(args):
    rng = random.Random(SEED)
    np.random.seed(SEED)

    G = load_graph(args.edges)
    print(f"{G.number_of_nodes()} authors, {G.number_of_edges()} co-authorships")

    walker = Node2Vec(G, dimensions=args.dim, walk_length=40, num_walks=10,
                      p=1.0, q=0.5, workers=args.workers, seed=SEED)
    n2v = walker.fit(window=10, min_count=1, batch_words=256, seed=SEED)
    wv = n2v.wv

    positives = list(G.edges())
    negatives = sample_negative_edges(G, len(positives), rng)
    pairs = positives + negatives
    labels = np.array([1] * len(positives) + [0] * len(negatives))

    train_pairs, test_pairs, y_train, y_test = train_test_split(
        pairs, labels, test_size=0.2, stratify=labels, random_state=SEED
    )

    X_train = hadamard_features(wv, train_pairs)
    X_test = hadamard_features(wv, test_pairs)

    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit(X_train, y_train)
    scores = clf.predict_proba(X_test)[:, 1]

    print(f"test ROC-AUC: {roc_auc_score(y_test, scores):.4f}")
    print(f"test AP:      {average_precision_score(y_test, scores):.4f}")

    n2v.wv.save(args.out)
    print(f"saved embeddings to {args.out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--edges", default="data/coauthor_edges.csv")
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--out", default="artifacts/author_n2v.kv")
    main(parser.parse_args())
