import argparse
import json
import os

import torch
import yaml
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score

from inductive.data import build_loaders
from inductive.engine import evaluate, train_epoch
from inductive.model import SAGE
from inductive.utils import set_seed


def feature_baseline(data, train_graph, seed):
    clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, random_state=seed)
    clf.fit(train_graph.x.numpy(), train_graph.y.numpy())
    m = data.test_mask
    pred = clf.predict(data.x[m].numpy())
    y = data.y[m].numpy()
    return {"acc": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dataset, data, train_graph, train_loader, val_loader, test_loader = build_loaders(cfg)
    print(f"train subgraph: {train_graph.num_nodes} nodes / {train_graph.num_edges} edges "
          f"(full graph {data.num_nodes} / {data.num_edges})")

    model = SAGE(dataset.num_features, cfg["model"]["hidden"], dataset.num_classes,
                 cfg["model"]["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    ckpt = cfg["train"]["checkpoint"]
    os.makedirs(os.path.dirname(ckpt), exist_ok=True)

    best_val, bad = 0.0, 0
    for epoch in range(1, cfg["train"]["epochs"] + 1):
        loss = train_epoch(model, train_loader, optimizer, device)
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss {loss:.4f} val acc {val['acc']:.4f} macro-F1 {val['macro_f1']:.4f}")
        if val["acc"] > best_val:
            best_val, bad = val["acc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    results = {"graphsage": evaluate(model, test_loader, device),
               "logreg_features": feature_baseline(data, train_graph, cfg["seed"])}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/reddit.yaml")
    with open(parser.parse_args().config) as fh:
        main(yaml.safe_load(fh))
