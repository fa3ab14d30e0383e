"""Biased matrix factorisation on explicit movie ratings (leave-last-out per user)."""
import logging
import math
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from recsys.data import index_maps, leave_last_out, to_dataset
from recsys.model import BiasedMF

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("mf")


def rmse_mae(model, loader, device):
    model.eval()
    se, ae, n = 0.0, 0.0, 0
    with torch.no_grad():
        for u, i, r in loader:
            u, i, r = u.to(device), i.to(device), r.to(device)
            pred = model(u, i).clamp(0.5, 5.0)
            se += torch.sum((pred - r) ** 2).item()
            ae += torch.sum((pred - r).abs()).item()
            n += r.numel()
    return math.sqrt(se / n), ae / n


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ratings = pd.read_csv(cfg["data"])
    train, val, test = leave_last_out(ratings)
    users, items = index_maps(train)
    train_ds, val_ds, test_ds = (to_dataset(f, users, items) for f in (train, val, test))
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True,
                          generator=torch.Generator().manual_seed(cfg["seed"]))
    val_dl = DataLoader(val_ds, batch_size=16384)
    test_dl = DataLoader(test_ds, batch_size=16384)

    global_mean = train["rating"].mean()
    model = BiasedMF(len(users), len(items), cfg["dim"], global_mean).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    criterion = torch.nn.MSELoss()

    ckpt = Path(cfg["out_dir"]) / "best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_rmse, stale = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        running, seen = 0.0, 0
        for u, i, r in train_dl:
            u, i, r = u.to(device), i.to(device), r.to(device)
            loss = criterion(model(u, i), r) + cfg["l2"] * model.reg_loss(u, i)
            loss.backward()
            optimizer.step()
            running += loss.item() * r.numel()
            seen += r.numel()
        val_rmse, val_mae = rmse_mae(model, val_dl, device)
        log.info("epoch %d train_loss %.4f val_rmse %.4f val_mae %.4f", epoch, running / seen, val_rmse, val_mae)
        if val_rmse < best_rmse - 1e-4:
            best_rmse, stale = val_rmse, 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_rmse, test_mae = rmse_mae(model, test_dl, device)
    known = test[test["user_id"].isin(users) & test["movie_id"].isin(items)]
    base_err = known["rating"] - global_mean
    log.info("test RMSE %.4f MAE %.4f | global-mean baseline RMSE %.4f MAE %.4f", test_rmse, test_mae,
             float(np.sqrt((base_err ** 2).mean())), float(base_err.abs().mean()))


if __name__ == "__main__":
    main(*sys.argv[1:])
