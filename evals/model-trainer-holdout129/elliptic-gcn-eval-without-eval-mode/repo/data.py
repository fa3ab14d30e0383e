"""Load the Elliptic bitcoin transaction graph into dense features + normalised sparse adjacency."""
import numpy as np
import pandas as pd
import torch


def load_elliptic(root="data/elliptic_bitcoin_dataset"):
    feats = pd.read_csv(f"{root}/elliptic_txs_features.csv", header=None)
    classes = pd.read_csv(f"{root}/elliptic_txs_classes.csv")
    edges = pd.read_csv(f"{root}/elliptic_txs_edgelist.csv")

    feats.columns = ["txId", "time_step"] + [f"f{i}" for i in range(feats.shape[1] - 2)]
    df = feats.merge(classes, on="txId", how="left")
    idx = {tx: i for i, tx in enumerate(df["txId"].values)}

    # class "1" = illicit, "2" = licit, "unknown" left out of the loss
    y = df["class"].map({"1": 1, "2": 0}).fillna(-1).astype(int).values

    src = edges["txId1"].map(idx).values
    dst = edges["txId2"].map(idx).values
    n = len(df)
    adj = normalised_adjacency(np.concatenate([src, dst]), np.concatenate([dst, src]), n)

    x = torch.tensor(df[[c for c in df.columns if c.startswith("f")]].values, dtype=torch.float32)
    return x, adj, torch.tensor(y), torch.tensor(df["time_step"].values)


def normalised_adjacency(rows, cols, n):
    """D^-1/2 (A + I) D^-1/2 as a torch sparse tensor."""
    rows = np.concatenate([rows, np.arange(n)])
    cols = np.concatenate([cols, np.arange(n)])
    vals = np.ones(len(rows), dtype=np.float32)
    deg = np.bincount(rows, minlength=n).astype(np.float32)
    dinv = 1.0 / np.sqrt(deg)
    vals = dinv[rows] * vals * dinv[cols]
    return torch.sparse_coo_tensor(np.vstack([rows, cols]), vals, (n, n)).coalesce()
