"""GCN vs. MLP on Cora with the Planetoid public split (140 / 500 / 1000 nodes).

Transductive setting: all node features and the full citation graph are visible during training;
only the labels of the 140 training nodes are used in the loss.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from sklearn.metrics import accuracy_score, f1_score
from torch_geometric import seed_everything
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import GCNConv


class GCN(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout):
        super().__init__()
        self.conv1 = GCNConv(in_dim, hidden, cached=True)
        self.conv2 = GCNConv(hidden, out_dim, cached=True)
        self.dropout = dropout

    def forward(self, x, edge_index):
        x = F.dropout(x, self.dropout, self.training)
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, self.dropout, self.training)
        return self.conv2(x, edge_index)


class MLP(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout):
        super().__init__()
        self.lin1 = torch.nn.Linear(in_dim, hidden)
        self.lin2 = torch.nn.Linear(hidden, out_dim)
        self.dropout = dropout

    def forward(self, x, edge_index):
        x = F.dropout(x, self.dropout, self.training)
        x = F.relu(self.lin1(x))
        x = F.dropout(x, self.dropout, self.training)
        return self.lin2(x)


@torch.no_grad()
def scores(model, data):
    model.eval()
    logits = model(data.x, data.edge_index)
    pred = logits.argmax(-1).cpu().numpy()
    y = data.y.cpu().numpy()
    out = {}
    for split in ("train", "val", "test"):
        m = getattr(data, f"{split}_mask").cpu().numpy()
        out[split] = {
            "acc": accuracy_score(y[m], pred[m]),
            "macro_f1": f1_score(y[m], pred[m], average="macro"),
            "loss": F.cross_entropy(logits[m], data.y[m]).item(),
        }
    return out


def fit(model, data, args, ckpt_path):
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    best_val_loss, bad_epochs, test_at_best = float("inf"), 0, None
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.edge_index)
        loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
        loss.backward()
        optimizer.step()

        s = scores(model, data)
        if s["val"]["loss"] < best_val_loss:
            best_val_loss, bad_epochs = s["val"]["loss"], 0
            test_at_best = s["test"]
            torch.save(model.state_dict(), ckpt_path)
        else:
            bad_epochs += 1
        if bad_epochs >= args.patience:
            break
    model.load_state_dict(torch.load(ckpt_path))
    return test_at_best, epoch


def main(args):
    Path(args.out).mkdir(parents=True, exist_ok=True)
    dataset = Planetoid(args.root, "Cora", split="public", transform=T.NormalizeFeatures())
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = dataset[0].to(device)

    summary = {}
    for name, cls in (("gcn", GCN), ("mlp", MLP)):
        runs = []
        for seed in args.seeds:
            seed_everything(seed)
            model = cls(dataset.num_features, args.hidden, dataset.num_classes, args.dropout).to(device)
            test_at_best, stopped = fit(model, data, args, Path(args.out) / f"{name}_seed{seed}.pt")
            runs.append(test_at_best)
            print(f"{name} seed={seed} stopped@{stopped} test acc={test_at_best['acc']:.4f}")
        summary[name] = {
            metric: {"mean": float(np.mean([r[metric] for r in runs])),
                     "std": float(np.std([r[metric] for r in runs]))}
            for metric in ("acc", "macro_f1")
        }
    print(json.dumps(summary, indent=2))
    with open(Path(args.out) / "summary.json", "w") as fh:
        json.dump(summary, fh, indent=2)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/Planetoid")
    p.add_argument("--out", default="runs/cora")
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--epochs", type=int, default=400)
    p.add_argument("--patience", type=int, default=50)
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    main(p.parse_args())
