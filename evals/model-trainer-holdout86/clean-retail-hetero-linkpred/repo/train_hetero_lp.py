"""Customer -> product link prediction on a heterogeneous co-interaction graph (PyG).

Graph: one `customer` and one `product` node per id, one `purchased` edge per (customer, product) pair.
T.ToUndirected adds the reverse relation, which RandomLinkSplit is told about so that held-out
edges are removed in both directions.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
from sklearn.metrics import average_precision_score, roc_auc_score
from torch_geometric import seed_everything
from torch_geometric.data import HeteroData
from torch_geometric.loader import LinkNeighborLoader
from torch_geometric.nn import SAGEConv, to_hetero

ET = ("customer", "purchased", "product")
REV_ET = ("product", "rev_purchased", "customer")


def build_graph(data_dir):
    customers = pd.read_parquet(f"{data_dir}/customers.parquet")
    products = pd.read_parquet(f"{data_dir}/products.parquet")
    pairs = pd.read_parquet(f"{data_dir}/purchases.parquet")[["customer_id", "product_id"]].drop_duplicates()
    cust_idx = pd.Series(np.arange(len(customers)), index=customers["customer_id"])
    prod_idx = pd.Series(np.arange(len(products)), index=products["product_id"])

    data = HeteroData()
    data["customer"].x = torch.tensor(customers.drop(columns="customer_id").to_numpy(), dtype=torch.float)
    data["product"].x = torch.tensor(products.drop(columns="product_id").to_numpy(), dtype=torch.float)
    data[ET].edge_index = torch.tensor(np.stack([cust_idx[pairs["customer_id"]].to_numpy(),
                                                 prod_idx[pairs["product_id"]].to_numpy()]), dtype=torch.long)
    return T.ToUndirected()(data)


class GNN(torch.nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.conv1 = SAGEConv((-1, -1), hidden)
        self.conv2 = SAGEConv((-1, -1), hidden)

    def forward(self, x, edge_index):
        return self.conv2(F.relu(self.conv1(x, edge_index)), edge_index)


class Model(torch.nn.Module):
    def __init__(self, hidden, metadata):
        super().__init__()
        self.gnn = to_hetero(GNN(hidden), metadata, aggr="sum")

    def forward(self, batch):
        z = self.gnn(batch.x_dict, batch.edge_index_dict)
        src, dst = batch[ET].edge_label_index
        return (z["customer"][src] * z["product"][dst]).sum(dim=-1)


def loader(split, fanout, batch_size, shuffle, neg_ratio=None):
    return LinkNeighborLoader(split, num_neighbors=fanout, batch_size=batch_size, shuffle=shuffle,
                              edge_label_index=(ET, split[ET].edge_label_index),
                              edge_label=split[ET].edge_label, neg_sampling_ratio=neg_ratio)


@torch.no_grad()
def evaluate(model, eval_loader, device):
    model.eval()
    preds, labels = [], []
    for batch in eval_loader:
        batch = batch.to(device)
        preds.append(model(batch).sigmoid().cpu())
        labels.append(batch[ET].edge_label.cpu())
    y, p = torch.cat(labels).numpy(), torch.cat(preds).numpy()
    return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p)}


def popularity_baseline(train_data, split):
    deg = torch.bincount(train_data[ET].edge_index[1], minlength=train_data["product"].num_nodes).float()
    scores = torch.log1p(deg[split[ET].edge_label_index[1]]).numpy()
    y = split[ET].edge_label.numpy()
    return {"auc": roc_auc_score(y, scores), "ap": average_precision_score(y, scores)}


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = build_graph(args.data_dir)
    train_data, val_data, test_data = T.RandomLinkSplit(
        num_val=0.1, num_test=0.1, disjoint_train_ratio=0.3, neg_sampling_ratio=2.0,
        add_negative_train_samples=False, edge_types=ET, rev_edge_types=REV_ET,
    )(data)

    fanout = [20, 10]
    train_loader = loader(train_data, fanout, 2048, shuffle=True, neg_ratio=2.0)
    val_loader = loader(val_data, fanout, 4096, shuffle=False)
    test_loader = loader(test_data, fanout, 4096, shuffle=False)

    model = Model(args.hidden, data.metadata()).to(device)
    with torch.no_grad():
        model(next(iter(train_loader)).to(device))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    ckpt = Path(args.out) / "hetero_sage_lp.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_auc, bad = 0.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for batch in train_loader:
            batch = batch.to(device)
            optimizer.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(batch), batch[ET].edge_label)
            loss.backward()
            optimizer.step()
            total += loss.item()
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss {total / len(train_loader):.4f} val AUC {val['auc']:.4f} AP {val['ap']:.4f}")
        if val["auc"] > best_auc:
            best_auc, bad = val["auc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    print("GNN        test:", evaluate(model, test_loader, device))
    print("popularity test:", popularity_baseline(train_data, test_data))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/retail_graph")
    p.add_argument("--out", default="checkpoints")
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--seed", type=int, default=4)
    main(p.parse_args())
