"""GCN vs. feature-only logistic regression on Cora (Planetoid public split).

Transductive setting: the whole citation graph (all node features and edges) is
visible during training, only the labels of train_mask nodes are used in the loss.
"""
import argparse
import random

import numpy as np
import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import GCNConv


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class GCN(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout=0.5):
        super().__init__()
        self.conv1 = GCNConv(in_dim, hidden)
        self.conv2 = GCNConv(hidden, out_dim)
        self.dropout = dropout

    def forward(self, x, edge_index):
        x = F.dropout(x, self.dropout, training=self.training)
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, self.dropout, training=self.training)
        return self.conv2(x, edge_index)


@torch.no_grad()
def evaluate(model, data):
    model.eval()
    out = model(data.x, data.edge_index)
    res = {}
    for split in ("train", "val", "test"):
        mask = data[f"{split}_mask"]
        res[f"{split}_loss"] = F.cross_entropy(out[mask], data.y[mask]).item()
        y_true, y_pred = data.y[mask].cpu(), out[mask].argmax(-1).cpu()
        res[f"{split}_acc"] = accuracy_score(y_true, y_pred)
        res[f"{split}_f1"] = f1_score(y_true, y_pred, average="macro")
    return res


def feature_baseline(data):
    x, y = data.x.cpu().numpy(), data.y.cpu().numpy()
    tr, te = data.train_mask.cpu().numpy(), data.test_mask.cpu().numpy()
    clf = LogisticRegression(max_iter=2000, C=1.0).fit(x[tr], y[tr])
    pred = clf.predict(x[te])
    return accuracy_score(y[te], pred), f1_score(y[te], pred, average="macro")


def main(args):
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dataset = Planetoid(args.root, "Cora", split="public", transform=T.NormalizeFeatures())
    data = dataset[0].to(device)

    model = GCN(dataset.num_features, args.hidden, dataset.num_classes, args.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)

    best_val_loss, patience_left, log_at_best = float("inf"), args.patience, None
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.edge_index)
        loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
        loss.backward()
        optimizer.step()

        res = evaluate(model, data)
        if res["val_loss"] < best_val_loss:
            best_val_loss, patience_left, log_at_best = res["val_loss"], args.patience, dict(res, epoch=epoch)
            torch.save(model.state_dict(), args.ckpt)
        else:
            patience_left -= 1
            if patience_left == 0:
                print(f"early stopping at epoch {epoch}")
                break
        if epoch % 25 == 0:
            print(f"epoch {epoch:03d} train loss {loss.item():.4f} val loss {res['val_loss']:.4f} "
                  f"val acc {res['val_acc']:.3f}")

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    final = evaluate(model, data)
    base_acc, base_f1 = feature_baseline(data)
    print(f"selected epoch {log_at_best['epoch']} (lowest val loss {best_val_loss:.4f})")
    print(f"GCN       test acc {final['test_acc']:.4f} macro-F1 {final['test_f1']:.4f}")
    print(f"LogReg(x) test acc {base_acc:.4f} macro-F1 {base_f1:.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/Planetoid")
    p.add_argument("--hidden", type=int, default=16)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--weight_decay", type=float, default=5e-4)
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--patience", type=int, default=50)
    p.add_argument("--seed", type=int, default=12345)
    p.add_argument("--ckpt", default="checkpoints/gcn_cora.pt")
    main(p.parse_args())
