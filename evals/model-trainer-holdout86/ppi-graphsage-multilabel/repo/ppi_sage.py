"""Multi-label protein function prediction on PPI with GraphSAGE.

PPI ships 20 training graphs, 2 validation graphs and 2 test graphs (tissues).
This script is the quick sweep runner used for the hidden-size / aggregator comparison.
"""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch_geometric.datasets import PPI
from torch_geometric.loader import DataLoader
from torch_geometric.nn import SAGEConv


class SAGE(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, aggr="mean", dropout=0.2):
        super().__init__()
        self.convs = torch.nn.ModuleList([
            SAGEConv(in_dim, hidden, aggr=aggr),
            SAGEConv(hidden, hidden, aggr=aggr),
            SAGEConv(hidden, out_dim, aggr=aggr),
        ])
        self.skips = torch.nn.ModuleList([
            torch.nn.Linear(in_dim, hidden),
            torch.nn.Linear(hidden, hidden),
            torch.nn.Linear(hidden, out_dim),
        ])
        self.dropout = dropout

    def forward(self, x, edge_index):
        for i, (conv, skip) in enumerate(zip(self.convs, self.skips)):
            x = conv(x, edge_index) + skip(x)
            if i < len(self.convs) - 1:
                x = F.elu(x)
                x = F.dropout(x, p=self.dropout, training=self.training)
        return x


def train_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for data in loader:
        data = data.to(device)
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(data.x, data.edge_index), data.y)
        loss.backward()
        optimizer.step()
        total += loss.item() * data.num_graphs
    return total / len(loader.dataset)


@torch.no_grad()
def micro_macro_f1(model, loader, device):
    model.eval()
    ys, preds = [], []
    for data in loader:
        data = data.to(device)
        out = model(data.x, data.edge_index)
        ys.append(data.y.cpu().numpy())
        preds.append((out > 0).float().cpu().numpy())
    y, p = np.concatenate(ys), np.concatenate(preds)
    return f1_score(y, p, average="micro"), f1_score(y, p, average="macro", zero_division=0)


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dataset = PPI(args.root, split="train")
    train_loader = DataLoader(train_dataset, batch_size=2, shuffle=True)
    eval_loader = DataLoader(train_dataset, batch_size=4, shuffle=False)

    results = []
    for aggr in args.aggrs:
        for hidden in args.hidden:
            model = SAGE(train_dataset.num_features, hidden, train_dataset.num_classes, aggr=aggr).to(device)
            optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
            for epoch in range(1, args.epochs + 1):
                loss = train_epoch(model, train_loader, optimizer, device)
            micro, macro = micro_macro_f1(model, eval_loader, device)
            results.append({"aggr": aggr, "hidden": hidden, "loss": loss,
                            "micro_f1": micro, "macro_f1": macro})
            print(f"aggr={aggr:4s} hidden={hidden:4d} loss={loss:.4f} micro-F1={micro:.4f} macro-F1={macro:.4f}")

    with open(args.out, "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default="data/PPI")
    parser.add_argument("--aggrs", nargs="+", default=["mean", "max"])
    parser.add_argument("--hidden", nargs="+", type=int, default=[256, 512, 1024])
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--lr", type=float, default=5e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="ppi_sweep.json")
    main(parser.parse_args())
