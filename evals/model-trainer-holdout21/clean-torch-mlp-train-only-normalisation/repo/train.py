"""python train.py --config configs/mlp.yaml"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml

from molprop.data import build
from molprop.engine import CsvHistory, predict, regression_metrics, run_train_epoch
from molprop.model import mlp


def main(cfg: dict) -> None:
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders, y_norm = build(cfg["data"], cfg["split"], cfg["batch_size"], cfg["seed"])
    n_in = loaders["train"].dataset.tensors[0].shape[1]
    model = mlp(n_in, cfg["hidden"], cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    history = CsvHistory(cfg["log_csv"])
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_rmse, epochs_without_gain = float("inf"), 0
    for epoch in range(cfg["max_epochs"]):
        train_mse = run_train_epoch(model, loaders["train"], opt, device)
        val = regression_metrics(*predict(model, loaders["val"], device), y_norm)
        history.write({"epoch": epoch, "train_mse_std_units": train_mse, **{f"val_{k}": v for k, v in val.items()}})
        if val["rmse"] < best_rmse:
            best_rmse, epochs_without_gain = val["rmse"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            epochs_without_gain += 1
            if epochs_without_gain > cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    pred, gold = predict(model, loaders["test"], device)
    test = regression_metrics(pred, gold, y_norm)
    mean_baseline = regression_metrics(torch.zeros_like(gold), gold, y_norm)  # train mean in standardised units
    print(json.dumps({"best_val_rmse": best_rmse, "test": test, "test_train_mean_baseline": mean_baseline}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/mlp.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
