"""GAT node classifier for product categories on the co-purchase graph (DGL)."""
import argparse
from pathlib import Path

import dgl
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from dgl.nn import GATConv
from sklearn.metrics import f1_score


def load_graph(data_dir):
    data_dir = Path(data_dir)
    edges = pd.read_csv(data_dir / "copurchase_edges.csv")
    feats = np.load(data_dir / "product_text_emb.npy").astype(np.float32)
    labels = pd.read_csv(data_dir / "product_labels.csv")["category_id"].values

    g = dgl.graph((edges["src"].values, edges["dst"].values), num_nodes=feats.shape[0])
    g = dgl.to_bidirected(g)
    g = dgl.add_self_loop(g)
    g.ndata["feat"] = torch.from_numpy(feats)
    g.ndata["label"] = torch.from_numpy(labels).long()
    return g


def random_split(num_nodes, train_frac=0.6, val_frac=0.2):
    perm = torch.randperm(num_nodes)
    n_train = int(train_frac * num_nodes)
    n_val = int(val_frac * num_nodes)
    masks = []
    for idx in (perm[:n_train], perm[n_train:n_train + n_val], perm[n_train + n_val:]):
        m = torch.zeros(num_nodes, dtype=torch.bool)
        m[idx] = True
        masks.append(m)
    return masks


class GAT(nn.Module):
    def __init__(self, in_dim, hidden, out_dim, heads=8, feat_drop=0.5, attn_drop=0.5):
        super().__init__()
        self.gat1 = GATConv(in_dim, hidden, heads, feat_drop=feat_drop, attn_drop=attn_drop,
                            activation=F.elu)
        self.gat2 = GATConv(hidden * heads, out_dim, 1, feat_drop=feat_drop, attn_drop=attn_drop)

    def forward(self, g, x):
        h = self.gat1(g, x).flatten(1)
        return self.gat2(g, h).mean(1)


@torch.no_grad()
def evaluate(model, g, mask):
    model.eval()
    logits = model(g, g.ndata["feat"])
    y_true = g.ndata["label"][mask].cpu().numpy()
    y_pred = logits[mask].argmax(1).cpu().numpy()
    return (y_true == y_pred).mean(), f1_score(y_true, y_pred, average="macro")


def main(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    g = load_graph(args.data_dir)
    train_mask, val_mask, test_mask = random_split(g.num_nodes())
    g = g.to(device)
    train_mask, val_mask, test_mask = train_mask.to(device), val_mask.to(device), test_mask.to(device)

    n_classes = int(g.ndata["label"].max()) + 1
    model = GAT(g.ndata["feat"].shape[1], args.hidden, n_classes, heads=args.heads).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=5e-4)

    best_val_f1, wait = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        logits = model(g, g.ndata["feat"])
        loss = F.cross_entropy(logits[train_mask], g.ndata["label"][train_mask])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        val_acc, val_f1 = evaluate(model, g, val_mask)
        if val_f1 > best_val_f1:
            best_val_f1, wait = val_f1, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait == args.patience:
                break
        if epoch % 10 == 0:
            print(f"epoch {epoch:03d} loss {loss.item():.4f} val acc {val_acc:.4f} val F1 {val_f1:.4f}")

    model.load_state_dict(torch.load(args.ckpt))
    test_acc, test_f1 = evaluate(model, g, test_mask)
    print(f"test acc {test_acc:.4f} | test macro-F1 {test_f1:.4f} (best val F1 {best_val_f1:.4f})")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data_dir", default="data/copurchase")
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--lr", type=float, default=5e-3)
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--patience", type=int, default=30)
    p.add_argument("--ckpt", default="gat_best.pt")
    main(p.parse_args())
