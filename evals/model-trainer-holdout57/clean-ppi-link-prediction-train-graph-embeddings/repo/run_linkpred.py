"""Protein-protein interaction link prediction: node2vec + logistic regression vs. Adamic-Adar."""
import random
import tomllib

import networkx as nx
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from linkpred.features import adamic_adar, hadamard, train_node2vec
from linkpred.splits import sample_non_edges, split_edges


def load_ppi(path, min_score):
    df = pd.read_csv(path, sep="\t")
    df = df[df["combined_score"] >= min_score]
    G = nx.from_pandas_edgelist(df, "protein1", "protein2")
    G.remove_edges_from(nx.selfloop_edges(G))
    return nx.relabel_nodes(G, {n: str(n) for n in G.nodes()})


def labelled_pairs(pos, neg):
    return pos + neg, np.r_[np.ones(len(pos)), np.zeros(len(neg))]


def main():
    with open("linkpred.toml", "rb") as f:
        cfg = tomllib.load(f)
    seed = cfg["split"]["seed"]
    random.seed(seed)
    np.random.seed(seed)

    G = load_ppi(cfg["data"]["edges"], cfg["data"]["min_score"])
    G_train, val_pos, test_pos = split_edges(G, cfg["split"]["val_frac"], cfg["split"]["test_frac"], seed)
    print(f"full: {G.number_of_edges()} edges | train graph: {G_train.number_of_edges()} | "
          f"val: {len(val_pos)} | test: {len(test_pos)}")

    train_pos = [tuple(sorted(e)) for e in G_train.edges()]
    train_neg = sample_non_edges(G, len(train_pos), seed + 1)
    val_neg = sample_non_edges(G, len(val_pos), seed + 2, exclude=train_neg)
    test_neg = sample_non_edges(G, len(test_pos), seed + 3, exclude=train_neg + val_neg)

    wv = train_node2vec(G_train, cfg["node2vec"], seed)

    tr_pairs, y_tr = labelled_pairs(train_pos, train_neg)
    va_pairs, y_va = labelled_pairs(val_pos, val_neg)
    te_pairs, y_te = labelled_pairs(test_pos, test_neg)
    X_tr, X_va, X_te = hadamard(wv, tr_pairs), hadamard(wv, va_pairs), hadamard(wv, te_pairs)

    best_C, best_ap = None, -1.0
    for C in cfg["classifier"]["C_grid"]:
        clf = LogisticRegression(C=C, max_iter=3000).fit(X_tr, y_tr)
        ap = average_precision_score(y_va, clf.predict_proba(X_va)[:, 1])
        print(f"C={C}: val AP {ap:.4f}")
        if ap > best_ap:
            best_C, best_ap = C, ap

    clf = LogisticRegression(C=best_C, max_iter=3000).fit(X_tr, y_tr)
    s_model = clf.predict_proba(X_te)[:, 1]
    s_aa = adamic_adar(G_train, te_pairs)

    print(f"node2vec+LR (C={best_C}) test ROC-AUC {roc_auc_score(y_te, s_model):.4f} "
          f"AP {average_precision_score(y_te, s_model):.4f}")
    print(f"Adamic-Adar baseline     test ROC-AUC {roc_auc_score(y_te, s_aa):.4f} "
          f"AP {average_precision_score(y_te, s_aa):.4f}")


if __name__ == "__main__":
    main()
