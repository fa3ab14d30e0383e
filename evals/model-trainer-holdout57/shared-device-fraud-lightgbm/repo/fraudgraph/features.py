"""Per-account features derived from the shared-identifier graph."""
import networkx as nx
import numpy as np
import pandas as pd


def structural_features(G: nx.Graph, nodes) -> pd.DataFrame:
    comp_id, comp_size = {}, {}
    for i, comp in enumerate(nx.connected_components(G)):
        for n in comp:
            comp_id[n] = i
            comp_size[n] = len(comp)

    df = pd.DataFrame(index=pd.Index(nodes, name="account_id"))
    df["degree"] = pd.Series(dict(G.degree()))
    df["weighted_degree"] = pd.Series(dict(G.degree(weight="weight")))
    df["clustering"] = pd.Series(nx.clustering(G))
    df["triangles"] = pd.Series(nx.triangles(G))
    df["component_size"] = pd.Series(comp_size)
    df["log_component_size"] = np.log1p(df["component_size"])
    return df.fillna(0)


def neighbour_label_features(G: nx.Graph, labels: pd.Series) -> pd.DataFrame:
    """How many of an account's direct neighbours are confirmed fraud."""
    rows = {}
    for node in G.nodes():
        nbrs = list(G.neighbors(node))
        if not nbrs:
            rows[node] = (0, 0.0, 0)
            continue
        nbr_labels = labels.reindex(nbrs).fillna(0).values
        two_hop = {m for n in nbrs for m in G.neighbors(n)} - {node}
        two_hop_fraud = int(labels.reindex(list(two_hop)).fillna(0).sum())
        rows[node] = (int(nbr_labels.sum()), float(nbr_labels.mean()), two_hop_fraud)
    out = pd.DataFrame.from_dict(
        rows, orient="index", columns=["nbr_fraud_count", "nbr_fraud_rate", "two_hop_fraud_count"]
    )
    out.index.name = "account_id"
    return out
