"""Spam-review detection on YelpChi (DGL FraudYelpDataset) with a relational GCN.

Review nodes, three relations: net_rur (same user), net_rtr (same product, same month),
net_rsr (same product, same star rating).
"""
import argparse

import dgl
import dgl.nn as dglnn
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


class RelGraphSAGE(nn.Module):
    def __init__(self, in_dim, hidden, n_classes, rel_names, dropout=0.3):
        super().__init__()
        self.conv1 = dglnn.HeteroGraphConv({r: dglnn.SAGEConv(in_dim, hidden, "mean") for r in rel_names},
                                           aggregate="sum")
        self.conv2 = dglnn.HeteroGraphConv({r: dglnn.SAGEConv(hidden, hidden, "mean") for r in rel_names},
                                           aggregate="sum")
        self.classify = nn.Linear(hidden, n_classes)
        self.dropout = nn.Dropout(dropout)

    def forward(self, g, x):
        h = self.conv1(g, {"review": x})
        h = {k: self.dropout(F.relu(v)) for k, v in h.items()}
        h = self.conv2(g, h)
        return self.classify(F.relu(h["review"]))


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    dgl.seed(args.seed)

    g = dgl.data.FraudYelpDataset()[0]
    feats = g.ndata["feature"].float()
    labels = g.ndata["label"].long()
    counts = torch.bincount(labels)
    print(f"{g.num_nodes()} reviews, class counts {counts.tolist()} "
          f"(spam share {counts[1].item() / counts.sum().item():.3f})")

    nids = np.arange(g.num_nodes())
    train_idx, test_idx = train_test_split(nids, test_size=0.4, random_state=args.seed)
    val_idx, test_idx = train_test_split(test_idx, test_size=0.5, random_state=args.seed)
    train_idx, val_idx, test_idx = map(torch.from_numpy, (train_idx, val_idx, test_idx))

    model = RelGraphSAGE(feats.shape[1], args.hidden, 2, g.etypes, dropout=args.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=5e-4)
    train_counts = torch.bincount(labels[train_idx], minlength=2).float()
    class_weight = train_counts.sum() / (2.0 * train_counts)

    best_val, bad = 0.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        logits = model(g, feats)
        loss = F.cross_entropy(logits[train_idx], labels[train_idx], weight=class_weight)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        model.eval()
        with torch.no_grad():
            pred = model(g, feats).argmax(1)
        val_acc = accuracy_score(labels[val_idx], pred[val_idx])
        if val_acc > best_val:
            best_val, bad = val_acc, 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            bad += 1
        if epoch % 10 == 0:
            print(f"epoch {epoch:03d} loss {loss.item():.4f} val acc {val_acc:.4f}")
        if bad >= args.patience:
            break

    model.load_state_dict(torch.load(args.checkpoint))
    model.eval()
    with torch.no_grad():
        pred = model(g, feats).argmax(1)
    print(f"best val acc {best_val:.4f}")
    print(f"test acc {accuracy_score(labels[test_idx], pred[test_idx]):.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--patience", type=int, default=30)
    p.add_argument("--seed", type=int, default=72)
    p.add_argument("--checkpoint", default="rgcn_yelp.pt")
    main(p.parse_args())
