"""Train a GIN on ESOL aqueous solubility with a scaffold split."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch_geometric.loader import DataLoader

from molgnn import GINRegressor, build_dataset, evaluate, scaffold_split, train_one_epoch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(cfg["data"]["csv"])
    dataset = build_dataset(df[cfg["data"]["smiles_col"]], df[cfg["data"]["target_col"]])
    train_set, valid_set, test_set = scaffold_split(
        dataset, cfg["data"]["frac_train"], cfg["data"]["frac_valid"]
    )
    y_train = torch.cat([g.y for g in train_set])
    y_mean, y_std = y_train.mean().item(), y_train.std().item()
    print(f"train/valid/test = {len(train_set)}/{len(valid_set)}/{len(test_set)}")

    tcfg = cfg["train"]
    train_loader = DataLoader(train_set, batch_size=tcfg["batch_size"], shuffle=True)
    valid_loader = DataLoader(valid_set, batch_size=256)
    test_loader = DataLoader(test_set, batch_size=256)

    model = GINRegressor(dataset[0].num_node_features, **cfg["model"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=10)

    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_rmse, bad_epochs = float("inf"), 0
    for epoch in range(1, tcfg["max_epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, device, y_mean, y_std)
        val = evaluate(model, valid_loader, device, y_mean, y_std)
        scheduler.step(val["rmse"])
        if val["rmse"] < best_rmse:
            best_rmse, bad_epochs = val["rmse"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "y_mean": y_mean, "y_std": y_std}, ckpt)
        else:
            bad_epochs += 1
        if epoch % 10 == 0:
            print(f"epoch {epoch:3d} train_loss {train_loss:.4f} val_rmse {val['rmse']:.3f}")
        if bad_epochs >= tcfg["patience"]:
            print(f"early stop at epoch {epoch}")
            break

    state = torch.load(ckpt, map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_loader, device, y_mean, y_std)
    baseline_rmse = torch.sqrt(((torch.cat([g.y for g in test_set]) - y_mean) ** 2).mean()).item()
    report = {"best_epoch": state["epoch"], "valid_rmse": best_rmse, "test": test, "test_rmse_mean_baseline": baseline_rmse}
    print(json.dumps(report, indent=2))
    Path(ckpt.parent / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/esol_gin.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
