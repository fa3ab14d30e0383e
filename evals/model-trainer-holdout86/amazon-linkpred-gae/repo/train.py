"""Train a GAE link predictor on Amazon co-purchase data.

Usage: python train.py --config configs/computers.yaml
"""
import argparse
import os

import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch_geometric import seed_everything
from torch_geometric.utils import negative_sampling

from linkpred.data import describe, load_graph, split_edges
from linkpred.model import LinkPredictor


def train_epoch(model, optimizer, graph, train_data):
    model.train()
    optimizer.zero_grad()
    z = model.encode(graph.x, graph.edge_index)

    neg_edge_index = negative_sampling(
        edge_index=train_data.edge_index,
        num_nodes=train_data.num_nodes,
        num_neg_samples=train_data.edge_label_index.size(1),
        method="sparse",
    )
    edge_label_index = torch.cat([train_data.edge_label_index, neg_edge_index], dim=-1)
    edge_label = torch.cat([
        train_data.edge_label,
        train_data.edge_label.new_zeros(neg_edge_index.size(1)),
    ])
    logits = model.decode(z, edge_label_index)
    loss = F.binary_cross_entropy_with_logits(logits, edge_label)
    loss.backward()
    optimizer.step()
    return float(loss)


@torch.no_grad()
def evaluate(model, split_data):
    model.eval()
    z = model.encode(split_data.x, split_data.edge_index)
    scores = model.decode(z, split_data.edge_label_index).sigmoid().cpu().numpy()
    labels = split_data.edge_label.cpu().numpy()
    return {"auc": roc_auc_score(labels, scores), "ap": average_precision_score(labels, scores)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/computers.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)

    seed_everything(cfg["train"]["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    graph = load_graph(cfg["dataset"]["root"], cfg["dataset"]["name"], device)
    train_data, val_data, test_data = split_edges(graph, **cfg["split"])
    print(describe(graph, train_data, val_data, test_data))

    model = LinkPredictor(graph.num_features, cfg["model"]["hidden"],
                          cfg["model"]["out"], cfg["model"]["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])

    ckpt_path = cfg["train"]["checkpoint"]
    os.makedirs(os.path.dirname(ckpt_path), exist_ok=True)
    best_auc, bad_epochs = 0.0, 0
    for epoch in range(1, cfg["train"]["epochs"] + 1):
        loss = train_epoch(model, optimizer, graph, train_data)
        val = evaluate(model, val_data)
        if val["auc"] > best_auc:
            best_auc, bad_epochs = val["auc"], 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            bad_epochs += 1
        if epoch % 10 == 0:
            print(f"epoch {epoch:03d} loss {loss:.4f} val_auc {val['auc']:.4f} val_ap {val['ap']:.4f}")
        if bad_epochs >= cfg["train"]["patience"]:
            print(f"early stopping at epoch {epoch}")
            break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    test = evaluate(model, test_data)
    print(f"best val auc {best_auc:.4f} | test auc {test['auc']:.4f} ap {test['ap']:.4f}")


if __name__ == "__main__":
    main()
