#!/usr/bin/env python
"""MLP regressor for building energy load (heating + cooling kWh/m2).

python train_mlp.py --csv data/energy_efficiency.csv --epochs 300
"""
import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
logger = logging.getLogger(__name__)

FEATURES = [
    "relative_compactness", "surface_area", "wall_area", "roof_area",
    "overall_height", "orientation", "glazing_area", "glazing_area_distribution",
]
TARGETS = ["heating_load", "cooling_load"]


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class LoadNet(nn.Module):
    def __init__(self, n_in: int, n_out: int, hidden: int = 128, p_drop: float = 0.1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, n_out),
        )

    def forward(self, x):
        return self.net(x)


def to_loader(x, y, batch_size, shuffle, gen=None):
    ds = TensorDataset(torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader]).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", type=Path, default=Path("data/energy_efficiency.csv"))
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--patience", type=int, default=25)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ckpt", type=Path, default=Path("checkpoints/loadnet.pt"))
    args = ap.parse_args()

    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    frame = pd.read_csv(args.csv)
    X, Y = frame[FEATURES].to_numpy(), frame[TARGETS].to_numpy()
    X_dev, X_hold, Y_dev, Y_hold = train_test_split(X, Y, test_size=0.2, random_state=args.seed)
    X_fit, X_val, Y_fit, Y_val = train_test_split(X_dev, Y_dev, test_size=0.2, random_state=args.seed)

    x_scaler = StandardScaler().fit(X_fit)
    y_scaler = StandardScaler().fit(Y_fit)
    gen = torch.Generator().manual_seed(args.seed)
    train_dl = to_loader(x_scaler.transform(X_fit), y_scaler.transform(Y_fit), args.batch_size, True, gen)
    val_dl = to_loader(x_scaler.transform(X_val), y_scaler.transform(Y_val), 256, False)
    hold_dl = to_loader(x_scaler.transform(X_hold), y_scaler.transform(Y_hold), 256, False)

    model = LoadNet(len(FEATURES), len(TARGETS)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    criterion = nn.MSELoss()

    best_val, stale = float("inf"), 0
    args.ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * xb.size(0)
        train_loss = running / len(train_dl.dataset)

        val_pred = predict(model, val_dl, device)
        val_loss = float(np.mean((val_pred - y_scaler.transform(Y_val)) ** 2))
        if epoch % 10 == 0:
            logger.info("epoch %d train_mse=%.4f val_mse=%.4f", epoch, train_loss, val_loss)
        if val_loss < best_val - 1e-5:
            best_val, stale = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch}, args.ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                logger.info("early stop at epoch %d (best val_mse=%.4f)", epoch, best_val)
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device)["model"])
    hold_pred = y_scaler.inverse_transform(predict(model, hold_dl, device))
    mean_pred = np.tile(Y_fit.mean(axis=0), (len(Y_hold), 1))
    for name, pred in [("mlp", hold_pred), ("train-mean baseline", mean_pred)]:
        logger.info(
            "%s: MAE=%.3f RMSE=%.3f R2=%.3f", name,
            mean_absolute_error(Y_hold, pred),
            mean_squared_error(Y_hold, pred) ** 0.5,
            r2_score(Y_hold, pred),
        )


if __name__ == "__main__":
    main()
