"""Build the account-to-account graph from shared identifiers."""
from itertools import combinations

import networkx as nx
import pandas as pd


def build_link_graph(accounts: pd.DataFrame, links: pd.DataFrame, link_types) -> nx.Graph:
    """Connect two accounts whenever they share a device, IP or payout card.

    Edge attribute ``weight`` counts how many identifiers the pair shares.
    Identifiers used by more than 50 accounts (NAT gateways, shared office
    devices) are dropped, they create huge cliques without signal.
    """
    G = nx.Graph()
    G.add_nodes_from(accounts["account_id"])
    links = links[links["link_type"].isin(link_types)]
    sizes = links.groupby(["link_type", "value"])["account_id"].transform("nunique")
    links = links[sizes <= 50]

    for _, group in links.groupby(["link_type", "value"]):
        members = sorted(set(group["account_id"]))
        for a, b in combinations(members, 2):
            if G.has_edge(a, b):
                G[a][b]["weight"] += 1
            else:
                G.add_edge(a, b, weight=1)
    return G
