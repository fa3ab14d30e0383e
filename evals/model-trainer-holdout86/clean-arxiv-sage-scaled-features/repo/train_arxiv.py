"""Full-batch GraphSAGE on ogbn-arxiv with the official time-based split.

Papers up to 2017 train, 2018 validation, 2019+ test (split provided by OGB).
"""
import argparse
import os

import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from ogb.nodeproppred import Evaluator, PygNodePropPredDataset
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler
from torch_geometric import seed_everything
from torch_geometric.nn import SAGEConv


class SAGE(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, num_layers=3, dropout=0.5):
        super().__init__()
        self.convs = torch.nn.ModuleList()
        self.bns = torch.nn.ModuleList()
        dims = [in_dim] + [hidden] * (num_layers - 1)
        for d_in, d_out in zip(dims[:-1], dims[1:]):
            self.convs.append(SAGEConv(d_in, d_out))
            self.bns.append(torch.nn.BatchNorm1d(d_out))
        self.convs.append(SAGEConv(hidden, out_dim))
        self.dropout = dropout

    def forward(self, x, adj_t):
        for conv, bn in zip(self.convs[:-1], self.bns):
            x = F.dropout(F.relu(bn(conv(x, adj_t))), self.dropout, self.training)
        return self.convs[-1](x, adj_t)


class MLP(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout=0.5):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(in_dim, hidden), torch.nn.BatchNorm1d(hidden), torch.nn.ReLU(),
            torch.nn.Dropout(dropout), torch.nn.Linear(hidden, out_dim))

    def forward(self, x, adj_t=None):
        return self.net(x)


@torch.no_grad()
def evaluate(model, data, split_idx, evaluator):
    model.eval()
    pred = model(data.x, data.adj_t).argmax(dim=-1, keepdim=True)
    res = {}
    for key in ("train", "valid", "test"):
        idx = split_idx[key]
        res[key] = evaluator.eval({"y_true": data.y[idx], "y_pred": pred[idx]})["acc"]
        res[f"{key}_macro_f1"] = f1_score(data.y[idx].cpu().numpy().ravel(),
                                          pred[idx].cpu().numpy().ravel(), average="macro")
    return res


def run(model, data, split_idx, evaluator, args, ckpt):
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    train_idx = split_idx["train"]
    best_valid, bad, best = 0.0, 0, None
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        out = model(data.x, data.adj_t)[train_idx]
        loss = F.cross_entropy(out, data.y.squeeze(1)[train_idx])
        loss.backward()
        optimizer.step()

        res = evaluate(model, data, split_idx, evaluator)
        if res["valid"] > best_valid:
            best_valid, bad, best = res["valid"], 0, res
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
        if bad >= args.patience:
            break
    return best


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dataset = PygNodePropPredDataset("ogbn-arxiv", root=args.root, transform=T.ToSparseTensor())
    data = dataset[0]
    data.adj_t = data.adj_t.to_symmetric()
    split_idx = dataset.get_idx_split()

    scaler = StandardScaler().fit(data.x[split_idx["train"]].numpy())
    data.x = torch.from_numpy(scaler.transform(data.x.numpy())).float()
    data = data.to(device)
    split_idx = {k: v.to(device) for k, v in split_idx.items()}
    evaluator = Evaluator("ogbn-arxiv")
    os.makedirs(args.out, exist_ok=True)

    models = {
        "sage": SAGE(data.num_features, args.hidden, dataset.num_classes, args.layers, args.dropout),
        "mlp": MLP(data.num_features, args.hidden, dataset.num_classes, args.dropout),
    }
    for name, model in models.items():
        best = run(model.to(device), data, split_idx, evaluator, args, os.path.join(args.out, f"{name}.pt"))
        print(f"{name:5s} valid acc {best['valid']:.4f} | test acc {best['test']:.4f} "
              f"macro-F1 {best['test_macro_f1']:.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/ogb")
    p.add_argument("--out", default="checkpoints/arxiv")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--patience", type=int, default=50)
    p.add_argument("--seed", type=int, default=0)
    main(p.parse_args())
