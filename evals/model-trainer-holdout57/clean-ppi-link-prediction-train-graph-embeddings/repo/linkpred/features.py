import networkx as nx
import numpy as np
from node2vec import Node2Vec


def train_node2vec(G_train, cfg, seed):
    walker = Node2Vec(
        G_train,
        dimensions=cfg["dimensions"],
        walk_length=cfg["walk_length"],
        num_walks=cfg["num_walks"],
        p=cfg["p"],
        q=cfg["q"],
        workers=cfg["workers"],
        seed=seed,
        quiet=True,
    )
    return walker.fit(window=cfg["window"], min_count=1, seed=seed).wv


def hadamard(wv, pairs):
    return np.vstack([wv[str(u)] * wv[str(v)] for u, v in pairs])


def adamic_adar(G_train, pairs):
    return np.array([score for _, _, score in nx.adamic_adar_index(G_train, pairs)])
