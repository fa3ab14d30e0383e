"""GCN encoder + MLP link predictor on ogbl-collab (official OGB edge split)."""
import argparse
import random

import numpy as np
import torch
import torch.nn.functional as F
from ogb.linkproppred import Evaluator, PygLinkPropPredDataset
from torch.utils.data import DataLoader
from torch_geometric.nn import GCNConv
from torch_geometric.utils import to_undirected


class Encoder(torch.nn.Module):
    def __init__(self, in_dim, hidden, num_layers=3, dropout=0.0):
        super().__init__()
        dims = [in_dim] + [hidden] * num_layers
        self.convs = torch.nn.ModuleList(GCNConv(a, b, cached=True) for a, b in zip(dims, dims[1:]))
        self.dropout = dropout

    def forward(self, x, edge_index):
        for conv in self.convs[:-1]:
            x = F.relu(conv(x, edge_index))
            x = F.dropout(x, p=self.dropout, training=self.training)
        return self.convs[-1](x, edge_index)


class LinkPredictor(torch.nn.Module):
    def __init__(self, hidden, dropout=0.0):
        super().__init__()
        self.lin1 = torch.nn.Linear(hidden, hidden)
        self.lin2 = torch.nn.Linear(hidden, 1)
        self.dropout = dropout

    def forward(self, h_i, h_j):
        x = F.relu(self.lin1(h_i * h_j))
        x = F.dropout(x, p=self.dropout, training=self.training)
        return torch.sigmoid(self.lin2(x))


def train(model, predictor, x, edge_index, pos_train_edge, optimizer, batch_size):
    model.train()
    predictor.train()
    total_loss = total_examples = 0
    for perm in DataLoader(range(pos_train_edge.size(0)), batch_size, shuffle=True):
        h = model(x, edge_index)
        edge = pos_train_edge[perm].t()
        pos_out = predictor(h[edge[0]], h[edge[1]])
        pos_loss = -torch.log(pos_out + 1e-15).mean()

        neg = torch.randint(0, x.size(0), edge.size(), dtype=torch.long, device=x.device)
        neg_out = predictor(h[neg[0]], h[neg[1]])
        neg_loss = -torch.log(1 - neg_out + 1e-15).mean()

        loss = pos_loss + neg_loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        torch.nn.utils.clip_grad_norm_(predictor.parameters(), 1.0)
        optimizer.step()

        total_loss += loss.item() * pos_out.size(0)
        total_examples += pos_out.size(0)
    return total_loss / total_examples


@torch.no_grad()
def score_edges(predictor, h, edges, batch_size=65536):
    out = [predictor(h[e[:, 0]], h[e[:, 1]]).squeeze(-1).cpu() for e in edges.split(batch_size)]
    return torch.cat(out)


@torch.no_grad()
def test(model, predictor, x, edge_index, split_edge, evaluator):
    model.eval()
    predictor.eval()
    h = model(x, edge_index)
    results = {}
    for split in ("valid", "test"):
        pos = score_edges(predictor, h, split_edge[split]["edge"].to(x.device))
        neg = score_edges(predictor, h, split_edge[split]["edge_neg"].to(x.device))
        for k in (10, 50, 100):
            evaluator.K = k
            results[f"{split}_hits@{k}"] = evaluator.eval({"y_pred_pos": pos, "y_pred_neg": neg})[f"hits@{k}"]
    return results


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    dataset = PygLinkPropPredDataset("ogbl-collab", root=args.root)
    data = dataset[0]
    split_edge = dataset.get_edge_split()
    x = data.x.to(device)
    edge_index = to_undirected(data.edge_index).to(device)
    pos_train_edge = split_edge["train"]["edge"].to(device)

    model = Encoder(x.size(-1), args.hidden, args.num_layers, args.dropout).to(device)
    predictor = LinkPredictor(args.hidden, args.dropout).to(device)
    optimizer = torch.optim.Adam(list(model.parameters()) + list(predictor.parameters()), lr=args.lr)
    evaluator = Evaluator(name="ogbl-collab")

    best_valid, best_result, wait = 0.0, None, 0
    for epoch in range(1, args.epochs + 1):
        loss = train(model, predictor, x, edge_index, pos_train_edge, optimizer, args.batch_size)
        res = test(model, predictor, x, edge_index, split_edge, evaluator)
        print(f"epoch {epoch:03d} loss {loss:.4f} valid hits@50 {res['valid_hits@50']:.4f}")
        if res["valid_hits@50"] > best_valid:
            best_valid, best_result, wait = res["valid_hits@50"], res, 0
            torch.save({"model": model.state_dict(), "predictor": predictor.state_dict()}, args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break
    print({k: round(v, 4) for k, v in best_result.items()})


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/ogb")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--num_layers", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--batch_size", type=int, default=64 * 1024)
    p.add_argument("--epochs", type=int, default=400)
    p.add_argument("--patience", type=int, default=40)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt", default="checkpoints/collab_gcn.pt")
    main(p.parse_args())
