"""Per-account features from the internal transfer network (observation window only)."""
import networkx as nx
import numpy as np
import pandas as pd


def build_graph(transfers: pd.DataFrame) -> nx.DiGraph:
    agg = (transfers.groupby(["src_account", "dst_account"])
           .agg(amount=("amount", "sum"), n=("amount", "size")).reset_index())
    g = nx.DiGraph()
    g.add_weighted_edges_from(agg[["src_account", "dst_account", "amount"]].itertuples(index=False))
    nx.set_edge_attributes(g, dict(zip(zip(agg.src_account, agg.dst_account), agg.n)), "n")
    return g


def node_features(g: nx.DiGraph, accounts) -> pd.DataFrame:
    und = g.to_undirected()
    rows = []
    for a in accounts:
        if a not in g:
            rows.append({"account_id": a})
            continue
        in_amt = sum(d["weight"] for _, _, d in g.in_edges(a, data=True))
        out_amt = sum(d["weight"] for _, _, d in g.out_edges(a, data=True))
        rows.append({
            "account_id": a,
            "in_degree": g.in_degree(a),
            "out_degree": g.out_degree(a),
            "log_in_amt": np.log1p(in_amt),
            "log_out_amt": np.log1p(out_amt),
            "flow_through": out_amt / (in_amt + 1.0),
            "reciprocal_ratio": sum(g.has_edge(v, a) for v in g.successors(a)) / max(1, g.out_degree(a)),
            "local_clustering": nx.clustering(und, a),
            "fan_in_fan_out": g.in_degree(a) * g.out_degree(a),
        })
    return pd.DataFrame(rows).set_index("account_id").fillna(0)
