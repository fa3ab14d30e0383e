"""GCN for illicit-transaction detection on the Elliptic Bitcoin dataset.

Raw files (Kaggle export) in data/elliptic_bitcoin_dataset/:
  elliptic_txs_features.csv   txId, time_step, 93 local + 72 aggregated features
  elliptic_txs_classes.csv    txId, class in {"1" (illicit), "2" (licit), "unknown"}
  elliptic_txs_edgelist.csv   txId1, txId2
"""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch_geometric.data import Data
from torch_geometric.nn import GCNConv
from torch_geometric.utils import to_undirected

SEED = 0


def load_elliptic(root):
    feats = pd.read_csv(f"{root}/elliptic_txs_features.csv", header=None)
    feats.columns = ["txId", "time_step"] + [f"f{i}" for i in range(feats.shape[1] - 2)]
    classes = pd.read_csv(f"{root}/elliptic_txs_classes.csv")
    edges = pd.read_csv(f"{root}/elliptic_txs_edgelist.csv")

    df = feats.merge(classes, on="txId", how="left")
    df["label"] = df["class"].map({"1": 1, "2": 0, "unknown": -1}).astype(int)
    idx = {tx: i for i, tx in enumerate(df["txId"])}
    src = edges["txId1"].map(idx).to_numpy()
    dst = edges["txId2"].map(idx).to_numpy()
    edge_index = to_undirected(torch.tensor(np.stack([src, dst]), dtype=torch.long))

    local_cols = [f"f{i}" for i in range(93)]
    x = torch.tensor(df[local_cols].to_numpy(), dtype=torch.float)
    y = torch.tensor(df["label"].to_numpy(), dtype=torch.long)
    return df, Data(x=x, edge_index=edge_index, y=y)


class GCN(torch.nn.Module):
    def __init__(self, in_dim, hidden=100, dropout=0.3):
        super().__init__()
        self.conv1 = GCNConv(in_dim, hidden)
        self.conv2 = GCNConv(hidden, 2)
        self.dropout = dropout

    def forward(self, x, edge_index):
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, p=self.dropout, training=self.training)
        return self.conv2(x, edge_index)


def make_mask(n, idx):
    mask = torch.zeros(n, dtype=torch.bool)
    mask[idx] = True
    return mask


@torch.no_grad()
def predict_proba(model, data):
    model.eval()
    return model(data.x, data.edge_index).softmax(dim=-1)[:, 1]


def main(root, epochs, patience):
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    df, data = load_elliptic(root)

    known = np.where(df["label"].to_numpy() >= 0)[0]
    y_known = df["label"].to_numpy()[known]
    train_idx, test_idx = train_test_split(known, test_size=0.3, stratify=y_known, random_state=SEED)
    train_idx, val_idx = train_test_split(train_idx, test_size=0.15,
                                          stratify=df["label"].to_numpy()[train_idx], random_state=SEED)
    n = data.num_nodes
    data.train_mask, data.val_mask, data.test_mask = (make_mask(n, i) for i in (train_idx, val_idx, test_idx))
    print("illicit share (train):", float(data.y[data.train_mask].float().mean()))

    model = GCN(data.num_features)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=5e-4)
    pos_weight = (data.y[data.train_mask] == 0).sum() / (data.y[data.train_mask] == 1).sum()
    class_weight = torch.tensor([1.0, float(pos_weight)])

    best_ap, best_state, bad = 0.0, None, 0
    for epoch in range(1, epochs + 1):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.edge_index)
        loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask], weight=class_weight)
        loss.backward()
        optimizer.step()

        proba = predict_proba(model, data)
        val_ap = average_precision_score(data.y[data.val_mask].numpy(), proba[data.val_mask].numpy())
        if val_ap > best_ap:
            best_ap, bad = val_ap, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
            torch.save(best_state, "gcn_elliptic.pt")
        else:
            bad += 1
        if bad >= patience:
            break

    model.load_state_dict(best_state)
    proba = predict_proba(model, data)[data.test_mask].numpy()
    y_test = data.y[data.test_mask].numpy()
    print(f"GCN  test PR-AUC {average_precision_score(y_test, proba):.3f}  "
          f"illicit F1 {f1_score(y_test, proba >= 0.5):.3f}")
    print(classification_report(y_test, proba >= 0.5, target_names=["licit", "illicit"]))

    rf = RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=SEED)
    rf.fit(data.x[data.train_mask].numpy(), data.y[data.train_mask].numpy())
    rf_proba = rf.predict_proba(data.x[data.test_mask].numpy())[:, 1]
    print(f"RF   test PR-AUC {average_precision_score(y_test, rf_proba):.3f}  "
          f"illicit F1 {f1_score(y_test, rf_proba >= 0.5):.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default="data/elliptic_bitcoin_dataset")
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--patience", type=int, default=100)
    args = parser.parse_args()
    main(args.root, args.epochs, args.patience)
