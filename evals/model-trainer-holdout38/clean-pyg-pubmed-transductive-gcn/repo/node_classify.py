"""Semi-supervised node classification on PubMed (Planetoid public split) with a 2-layer GCN.

Transductive setting: the whole graph (features + edges of all nodes) is visible, labels are
only used for the 60 training nodes; 500 validation nodes drive early stopping; the 1000 test
nodes are scored once with the best checkpoint.
"""
import argparse
import copy

import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch_geometric import seed_everything
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import GCNConv


class GCN(torch.nn.Module):
    def __init__(self, d_in, d_hidden, n_classes, p_drop=0.5):
        super().__init__()
        self.conv1 = GCNConv(d_in, d_hidden, cached=True)
        self.conv2 = GCNConv(d_hidden, n_classes, cached=True)
        self.p_drop = p_drop

    def forward(self, x, edge_index):
        x = F.dropout(x, p=self.p_drop, training=self.training)
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, p=self.p_drop, training=self.training)
        return self.conv2(x, edge_index)


@torch.no_grad()
def scores(model, data, mask):
    model.eval()
    logits = model(data.x, data.edge_index)
    loss = F.cross_entropy(logits[mask], data.y[mask]).item()
    y_true = data.y[mask].cpu().numpy()
    y_pred = logits[mask].argmax(-1).cpu().numpy()
    return loss, accuracy_score(y_true, y_pred), f1_score(y_true, y_pred, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/Planetoid")
    ap.add_argument("--hidden", type=int, default=16)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--patience", type=int, default=30)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--ckpt", default="gcn_pubmed_best.pt")
    args = ap.parse_args()
    seed_everything(args.seed)

    # NormalizeFeatures rescales each node's TF-IDF vector to sum to 1: per-node, no fitted state
    dataset = Planetoid(args.root, "PubMed", split="public", transform=T.NormalizeFeatures())
    data = dataset[0]
    print(data)
    print("train/val/test nodes:", int(data.train_mask.sum()), int(data.val_mask.sum()),
          int(data.test_mask.sum()))

    # graph-free reference: logistic regression on the node features of the 60 training nodes
    lr = LogisticRegression(max_iter=3000)
    lr.fit(data.x[data.train_mask].numpy(), data.y[data.train_mask].numpy())
    ref_pred = lr.predict(data.x[data.test_mask].numpy())
    ref_true = data.y[data.test_mask].numpy()

    model = GCN(dataset.num_features, args.hidden, dataset.num_classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)

    best_val_loss, best_state, since_best = float("inf"), None, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.edge_index)
        loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
        loss.backward()
        optimizer.step()

        val_loss, val_acc, val_f1 = scores(model, data, data.val_mask)
        if val_loss < best_val_loss:
            best_val_loss, since_best = val_loss, 0
            best_state = copy.deepcopy(model.state_dict())
            torch.save(best_state, args.ckpt)
        else:
            since_best += 1
        if epoch % 25 == 0:
            print(f"{epoch:03d} train_loss={loss.item():.4f} val_loss={val_loss:.4f} "
                  f"val_acc={val_acc:.4f} val_f1={val_f1:.4f}")
        if since_best >= args.patience:
            print(f"early stop at epoch {epoch}")
            break

    model.load_state_dict(best_state)
    _, test_acc, test_f1 = scores(model, data, data.test_mask)
    print(f"logreg (features only) test acc {accuracy_score(ref_true, ref_pred):.4f} "
          f"macro-F1 {f1_score(ref_true, ref_pred, average='macro'):.4f}")
    print(f"GCN                    test acc {test_acc:.4f} macro-F1 {test_f1:.4f}")


if __name__ == "__main__":
    main()
