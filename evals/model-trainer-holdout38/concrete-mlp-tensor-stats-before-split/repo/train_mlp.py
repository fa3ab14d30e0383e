"""MLP regressor for the UCI concrete compressive strength data.

    python train_mlp.py --csv data/concrete.csv --epochs 400 --out runs/mlp
"""
import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

log = logging.getLogger("concrete")

FEATURES = ["cement", "slag", "fly_ash", "water", "superplasticizer",
            "coarse_agg", "fine_agg", "age"]
TARGET = "strength"


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_tensors(path: str):
    df = pd.read_csv(path)
    df["age"] = np.log1p(df["age"])
    x = torch.tensor(df[FEATURES].to_numpy(), dtype=torch.float32)
    y = torch.tensor(df[TARGET].to_numpy(), dtype=torch.float32).unsqueeze(1)
    # z-score every column so the MLP trains stably
    mu, sigma = x.mean(dim=0), x.std(dim=0)
    x = (x - mu) / sigma
    return x, y


class Regressor(nn.Module):
    def __init__(self, d_in: int, hidden: int = 128, p: float = 0.1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, hidden), nn.SiLU(), nn.Dropout(p),
            nn.Linear(hidden, hidden), nn.SiLU(), nn.Dropout(p),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def regression_metrics(model, loader):
    model.eval()
    preds, targets = [], []
    for xb, yb in loader:
        preds.append(model(xb))
        targets.append(yb)
    p, t = torch.cat(preds), torch.cat(targets)
    mae = (p - t).abs().mean().item()
    rmse = torch.sqrt(((p - t) ** 2).mean()).item()
    r2 = 1 - ((p - t) ** 2).sum().item() / ((t - t.mean()) ** 2).sum().item()
    return {"mae": mae, "rmse": rmse, "r2": r2}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--patience", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="runs/mlp")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    seed_all(args.seed)

    x, y = load_tensors(args.csv)
    full = TensorDataset(x, y)
    gen = torch.Generator().manual_seed(args.seed)
    train_ds, val_ds, test_ds = random_split(full, [0.7, 0.15, 0.15], generator=gen)
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, generator=gen)
    val_dl = DataLoader(val_ds, batch_size=256)
    test_dl = DataLoader(test_ds, batch_size=256)

    model = Regressor(x.shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=10)
    loss_fn = nn.MSELoss()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best_rmse, bad_epochs = float("inf"), 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        val = regression_metrics(model, val_dl)
        sched.step(val["rmse"])
        if epoch % 20 == 0:
            log.info("epoch %d train_mse %.3f val_rmse %.3f", epoch,
                     running / len(train_ds), val["rmse"])
        if val["rmse"] < best_rmse - 1e-4:
            best_rmse, bad_epochs = val["rmse"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    train_y = torch.cat([yb for _, yb in DataLoader(train_ds, batch_size=1024)])
    test_y = torch.cat([yb for _, yb in test_dl])
    base = train_y.mean()
    log.info("baseline (train mean) test mae %.3f rmse %.3f",
             (test_y - base).abs().mean().item(),
             torch.sqrt(((test_y - base) ** 2).mean()).item())
    log.info("mlp test %s", regression_metrics(model, test_dl))


if __name__ == "__main__":
    main()
