import json
import random
import sys

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader

from data import FEATURES, StationWindows, load_hourly, split_by_time
from model import DemandLSTM


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    running = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        running += loss.item() * len(x)
    return running / len(loader.dataset)


def evaluate(model, loader, device):
    abs_err, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            pred = model(x).clamp(min=0)
            abs_err += (pred - y).abs().sum().item()
            n += y.numel()
    return abs_err / n


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_hourly(cfg["data_path"], cfg["stations_path"])
    train_df, val_df, test_df = split_by_time(
        df, pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"]))
    mean, std = train_df[FEATURES].mean(), train_df[FEATURES].std() + 1e-6

    kw = dict(lookback=cfg["lookback"], horizon=cfg["horizon"])
    train_ds = StationWindows(train_df, mean, std, **kw)
    val_ds = StationWindows(val_df, mean, std, **kw)
    test_ds = StationWindows(test_df, mean, std, **kw)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(val_ds, batch_size=1024)
    test_dl = DataLoader(test_ds, batch_size=1024)

    model = DemandLSTM(len(FEATURES), cfg["hidden"], cfg["num_layers"],
                       cfg["horizon"], cfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loss_fn = nn.SmoothL1Loss()

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_dl, optimizer, loss_fn, device)
        val_mae = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_mae={val_mae:.3f}")
        if val_mae < best_val:
            best_val, bad_epochs = val_mae, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stop")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    print(f"best val MAE {best_val:.3f} | test MAE {evaluate(model, test_dl, device):.3f}")


if __name__ == "__main__":
    main(json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json")))
