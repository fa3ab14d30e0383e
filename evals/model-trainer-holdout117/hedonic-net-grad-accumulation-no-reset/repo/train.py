import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from data import NUMERIC, make_splits
from model import HedonicNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def rmse(model, dl):
    model.eval()
    se, n = 0.0, 0
    for x, z, y in dl:
        se += ((model(x, z) - y) ** 2).sum().item()
        n += len(y)
    return (se / n) ** 0.5


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    train_ds, val_ds, test_ds, n_zips = make_splits(cfg)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(val_ds, batch_size=1024)
    test_dl = DataLoader(test_ds, batch_size=1024)

    model = HedonicNet(len(NUMERIC), n_zips, cfg["zip_emb_dim"], cfg["hidden"], cfg["dropout"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    criterion = nn.MSELoss()
    accum = cfg["accum_steps"]

    best = float("inf")
    optimizer.zero_grad()
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, (x, z, y) in enumerate(train_dl):
            loss = criterion(model(x, z), y) / accum
            loss.backward()
            if (step + 1) % accum == 0:
                optimizer.step()
        val = rmse(model, val_dl)
        if val < best:
            best = val
            torch.save(model.state_dict(), cfg["checkpoint"])
        print(f"epoch {epoch:02d} val_rmse_log={val:.4f}")

    model.load_state_dict(torch.load(cfg["checkpoint"]))
    print(f"best val {best:.4f}  test {rmse(model, test_dl):.4f}")


if __name__ == "__main__":
    main()
