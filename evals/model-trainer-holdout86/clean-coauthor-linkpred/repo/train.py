import argparse
import json
from pathlib import Path

import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch_geometric import seed_everything
from torch_geometric.utils import negative_sampling

from lp.heuristics import adamic_adar, common_neighbors
from lp.models import LinkModel
from lp.splits import load_and_split


def metrics(labels, scores):
    labels, scores = labels.cpu().numpy(), scores.cpu().numpy()
    return {"auc": roc_auc_score(labels, scores), "ap": average_precision_score(labels, scores)}


def train_step(model, optimizer, train_data):
    model.train()
    optimizer.zero_grad()
    neg = negative_sampling(train_data.edge_index, num_nodes=train_data.num_nodes,
                            num_neg_samples=train_data.edge_label_index.size(1))
    edge_label_index = torch.cat([train_data.edge_label_index, neg], dim=1)
    edge_label = torch.cat([train_data.edge_label, torch.zeros(neg.size(1), device=neg.device)])
    logits = model(train_data.x, train_data.edge_index, edge_label_index)
    loss = F.binary_cross_entropy_with_logits(logits, edge_label)
    loss.backward()
    optimizer.step()
    return loss.item()


@torch.no_grad()
def evaluate(model, split):
    model.eval()
    logits = model(split.x, split.edge_index, split.edge_label_index)
    return metrics(split.edge_label, logits.sigmoid())


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_data, val_data, test_data = load_and_split(device=device, **cfg["data"])
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    model = LinkModel(train_data.num_features, **cfg["model"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])
    best_auc, bad = 0.0, 0
    for epoch in range(1, cfg["optim"]["epochs"] + 1):
        loss = train_step(model, optimizer, train_data)
        val = evaluate(model, val_data)
        if val["auc"] > best_auc:
            best_auc, bad = val["auc"], 0
            torch.save(model.state_dict(), out_dir / "sage_lp.pt")
        else:
            bad += 1
        if epoch % 20 == 0:
            print(f"{epoch:03d} loss={loss:.4f} val_auc={val['auc']:.4f} val_ap={val['ap']:.4f}")
        if bad >= cfg["optim"]["patience"]:
            break

    model.load_state_dict(torch.load(out_dir / "sage_lp.pt", map_location=device))
    results = {"sage": evaluate(model, test_data)}
    for name, fn in (("common_neighbors", common_neighbors), ("adamic_adar", adamic_adar)):
        s = fn(test_data.edge_index, test_data.edge_label_index, test_data.num_nodes)
        results[name] = metrics(test_data.edge_label, s)
    print(json.dumps(results, indent=2))
    (out_dir / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/coauthor_cs.yaml")
    with open(parser.parse_args().config) as fh:
        main(yaml.safe_load(fh))
