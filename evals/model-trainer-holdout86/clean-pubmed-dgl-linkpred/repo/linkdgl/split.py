"""Edge split for an undirected DGL graph.

DGL stores each undirected edge twice (u->v and v->u). We split unique pairs so that the
reverse direction of a held-out edge cannot stay in the training graph.
"""
import dgl
import numpy as np
import torch


def split_undirected_edges(g, val_frac, test_frac, rng):
    u, v = g.edges()
    keep = u < v
    u, v = u[keep].numpy(), v[keep].numpy()
    perm = rng.permutation(len(u))
    n_test, n_val = int(test_frac * len(u)), int(val_frac * len(u))
    test_ids, val_ids, train_ids = perm[:n_test], perm[n_test:n_test + n_val], perm[n_test + n_val:]

    def pairs(ids):
        return torch.from_numpy(u[ids]), torch.from_numpy(v[ids])

    train_g = dgl.to_bidirected(dgl.graph(pairs(train_ids), num_nodes=g.num_nodes()))
    train_g = dgl.add_self_loop(train_g)
    train_g.ndata["feat"] = g.ndata["feat"]

    n_neg = n_val + n_test
    neg_u, neg_v = dgl.sampling.global_uniform_negative_sampling(g, n_neg, exclude_self_loops=True)
    neg = {"val": (neg_u[:n_val], neg_v[:n_val]), "test": (neg_u[n_val:], neg_v[n_val:])}
    pos = {"train": pairs(train_ids), "val": pairs(val_ids), "test": pairs(test_ids)}
    return train_g, pos, neg
