"""python -m cyclone.train --config configs/default.json"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader

from cyclone.data import PREDICTORS, IntensityFixes, fit_normalizer, load_seasons
from cyclone.model import IntensityMLP


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def evaluate(model, loader, device) -> float:
    model.eval()
    se, n = 0.0, 0
    for xb, yb in loader:
        pred = model(xb.to(device))
        se += ((pred - yb.to(device)) ** 2).sum().item()
        n += len(yb)
    return (se / n) ** 0.5


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/default.json")
    cfg = json.load(open(ap.parse_args().config))
    seed_all(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_df = load_seasons(cfg["snapshots"], *cfg["train_seasons"])
    val_df = load_seasons(cfg["snapshots"], *cfg["val_seasons"])
    norm = fit_normalizer(train_df)
    train_dl = DataLoader(IntensityFixes(train_df, norm), batch_size=cfg["batch_size"], shuffle=True,
                          generator=torch.Generator().manual_seed(cfg["seed"]))
    val_dl = DataLoader(IntensityFixes(val_df, norm), batch_size=1024)

    model = IntensityMLP(len(PREDICTORS), cfg["hidden"], cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    criterion = nn.MSELoss()

    best, bad_epochs = float("inf"), 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        train_rmse = (running / len(train_dl.dataset)) ** 0.5
        val_rmse = evaluate(model, val_dl, device)
        print(f"epoch {epoch:3d}  train {train_rmse:.2f} kt  val {val_rmse:.2f} kt")

        if val_rmse < best - 0.01:
            best, bad_epochs = val_rmse, 0
            torch.save({"model": model.state_dict(), "config": cfg}, cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stop at epoch {epoch}, best val RMSE {best:.2f} kt")
                break


if __name__ == "__main__":
    main()
