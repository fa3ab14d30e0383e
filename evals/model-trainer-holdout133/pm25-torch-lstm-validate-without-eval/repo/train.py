import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import WindowDataset, chrono_split, fit_scaler, load_station
from model import PM25Forecaster


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_epoch(model, loader, opt, loss_fn, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def evaluate(model, loader, loss_fn, device, scale):
    total, abs_err = 0.0, 0.0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            pred = model(xb)
            total += loss_fn(pred, yb).item() * len(xb)
            abs_err += ((pred - yb).abs() * scale).sum().item() / yb.shape[1]
    n = len(loader.dataset)
    return total / n, abs_err / n


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/beijing_aotizhongxin.csv")
    p.add_argument("--lookback", type=int, default=72)
    p.add_argument("--horizon", type=int, default=12)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--patience", type=int, default=6)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()

    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_station(args.csv)
    train_df, val_df, test_df = chrono_split(df, "2016-01-01", "2016-07-01")
    scaler = fit_scaler(train_df)
    pm_scale = float(scaler.scale_[0])

    mk = lambda d: WindowDataset(d, scaler, args.lookback, args.horizon)
    train_dl = DataLoader(mk(train_df), batch_size=128, shuffle=True, drop_last=True)
    val_dl = DataLoader(mk(val_df), batch_size=512)
    test_dl = DataLoader(mk(test_df), batch_size=512)

    model = PM25Forecaster(n_features=train_df.shape[1], horizon=args.horizon).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()

    best, bad = float("inf"), 0
    for epoch in range(1, args.epochs + 1):
        tr = train_epoch(model, train_dl, opt, loss_fn, device)
        va, va_mae = evaluate(model, val_dl, loss_fn, device, pm_scale)
        print(f"epoch {epoch:02d} train {tr:.4f} val {va:.4f} val MAE {va_mae:.2f} ug/m3")
        if va < best:
            best, bad = va, 0
            torch.save(model.state_dict(), "pm25_lstm_best.pt")
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load("pm25_lstm_best.pt", map_location=device))
    te, te_mae = evaluate(model, test_dl, loss_fn, device, pm_scale)
    print(f"test MSE (scaled) {te:.4f} | test MAE {te_mae:.2f} ug/m3")


if __name__ == "__main__":
    main()
