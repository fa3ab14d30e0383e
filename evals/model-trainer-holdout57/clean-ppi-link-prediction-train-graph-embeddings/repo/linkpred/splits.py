"""Edge splitting for link prediction.

Held-out positive edges are removed from the graph *before* any embedding or
heuristic is computed; a random spanning forest is kept in the training graph
so no node becomes isolated.
"""
import random

import networkx as nx


def split_edges(G, val_frac, test_frac, seed):
    rng = random.Random(seed)
    forest = set()
    for comp in nx.connected_components(G):
        sub = G.subgraph(comp)
        tree = nx.random_spanning_tree(sub, seed=rng.randint(0, 2**31 - 1)) if len(comp) > 1 else sub
        forest.update(tuple(sorted(e)) for e in tree.edges())

    candidates = [tuple(sorted(e)) for e in G.edges() if tuple(sorted(e)) not in forest]
    rng.shuffle(candidates)
    n_test = int(test_frac * G.number_of_edges())
    n_val = int(val_frac * G.number_of_edges())
    test_pos = candidates[:n_test]
    val_pos = candidates[n_test:n_test + n_val]

    G_train = G.copy()
    G_train.remove_edges_from(test_pos + val_pos)
    return G_train, val_pos, test_pos


def sample_non_edges(G_full, n, seed, exclude=()):
    """Negative pairs that are not edges of the *full* graph."""
    rng = random.Random(seed)
    nodes = list(G_full.nodes())
    seen = set(exclude)
    out = []
    while len(out) < n:
        u, v = rng.sample(nodes, 2)
        pair = (min(u, v), max(u, v))
        if pair in seen or G_full.has_edge(u, v):
            continue
        seen.add(pair)
        out.append(pair)
    return out
