import json
import os
import random

import numpy as np
import torch

from citation.data import load_planetoid
from citation.engine import evaluate, fit
from citation.models import GAT, MLP


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(config_path="config.json"):
    with open(config_path) as fh:
        cfg = json.load(fh)
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dataset, data = load_planetoid(cfg["root"], cfg["dataset"], device)
    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)

    results = {}
    candidates = {
        "gat": GAT(dataset.num_features, cfg["hidden"], dataset.num_classes,
                   heads=cfg["heads"], dropout=cfg["dropout"]),
        "mlp": MLP(dataset.num_features, cfg["hidden"] * cfg["heads"], dataset.num_classes,
                   dropout=cfg["dropout"]),
    }
    for name, model in candidates.items():
        model = model.to(device)
        optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
        ckpt = cfg["checkpoint"].replace(".pt", f"_{name}.pt")
        model = fit(model, data, optimizer, cfg["epochs"], cfg["patience"], ckpt)
        results[name] = {
            "val": evaluate(model, data, data.val_mask),
            "test": evaluate(model, data, data.test_mask),
        }

    for name, res in results.items():
        print(f"{name}: val acc {res['val']['acc']:.4f} | test acc {res['test']['acc']:.4f} "
              f"macro-F1 {res['test']['macro_f1']:.4f}")
    with open(cfg["checkpoint"].replace(".pt", "_metrics.json"), "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
