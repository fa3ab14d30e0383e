"""Hydration free energy (FreeSolv, kcal/mol) with a GATv2 on PyG categorical features."""
import argparse
import json

import pandas as pd
import torch
from torch_geometric.loader import DataLoader

from freesolv_gnn.engine import run_epoch
from freesolv_gnn.featurize import balanced_scaffold_split, smiles_to_graphs
from freesolv_gnn.model import GATv2Regressor
from freesolv_gnn.utils import EarlyStopping, seed_everything


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(cfg["data"]["csv"])
    graphs = smiles_to_graphs(df[cfg["data"]["smiles_col"]], df[cfg["data"]["target_col"]])
    train_set, valid_set, test_set = balanced_scaffold_split(
        graphs, cfg["data"]["frac_valid"], cfg["data"]["frac_test"], cfg["seed"]
    )
    y_train = torch.cat([g.y for g in train_set])
    y_mean, y_std = y_train.mean().item(), y_train.std().item()

    ocfg = cfg["optim"]
    g = torch.Generator().manual_seed(cfg["seed"])
    train_loader = DataLoader(train_set, batch_size=ocfg["batch_size"], shuffle=True, generator=g)
    valid_loader = DataLoader(valid_set, batch_size=128)
    test_loader = DataLoader(test_set, batch_size=128)

    model = GATv2Regressor(**cfg["model"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=ocfg["lr"], weight_decay=ocfg["weight_decay"])
    stopper = EarlyStopping(ocfg["patience"], cfg["checkpoint"])

    for epoch in range(ocfg["max_epochs"]):
        tr = run_epoch(model, train_loader, device, optimizer, y_mean, y_std)
        va = run_epoch(model, valid_loader, device, None, y_mean, y_std)
        if epoch % 20 == 0:
            print(f"epoch {epoch:3d} | train rmse {tr['rmse']:.3f} | valid rmse {va['rmse']:.3f}")
        if stopper.step(va["rmse"], model, epoch=epoch, y_mean=y_mean, y_std=y_std):
            print(f"stopping at epoch {epoch}; best valid rmse {stopper.best:.3f}")
            break

    best = torch.load(cfg["checkpoint"], map_location=device)
    model.load_state_dict(best["state_dict"])
    test = run_epoch(model, test_loader, device, None, y_mean, y_std)
    y_test = torch.cat([g.y for g in test_set])
    baseline = {
        "rmse": torch.sqrt(((y_test - y_mean) ** 2).mean()).item(),
        "mae": (y_test - y_mean).abs().mean().item(),
    }
    report = {"best_epoch": best["epoch"], "valid_rmse": best["val_metric"],
              "test": {k: test[k] for k in ("rmse", "mae")}, "test_train_mean_baseline": baseline}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    main(json.load(open(ap.parse_args().config)))
