import argparse
import random

import numpy as np
import torch
from torch.utils.data import DataLoader

from data import SpeedScaler, WindowDataset, chrono_split, load_speed_matrix
from model import SpeedLSTM


def masked_mae(pred, target):
    mask = (target > 0).float()
    return (torch.abs(pred - target) * mask).sum() / mask.sum().clamp(min=1)


def evaluate(model, loader, scaler, device):
    total, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            pred = scaler.inverse_transform(model(x))
            total += masked_mae(pred, y).item() * len(x)
            n += len(x)
    return total / n


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    values, _ = load_speed_matrix()
    train_raw, val_raw, test_raw = chrono_split(values)
    scaler = SpeedScaler().fit(train_raw)

    loaders = {}
    for name, raw in [("train", train_raw), ("val", val_raw), ("test", test_raw)]:
        ds = WindowDataset(scaler.transform(raw), raw)
        loaders[name] = DataLoader(ds, batch_size=args.batch_size, shuffle=(name == "train"))

    model = SpeedLSTM(num_nodes=values.shape[1]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    best_val = float("inf")

    for epoch in range(args.epochs):
        model.train()
        for x, y in loaders["train"]:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = masked_mae(scaler.inverse_transform(model(x)), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()

        val_mae = evaluate(model, loaders["val"], scaler, device)
        print(f"epoch {epoch:3d}  train {loss.item():.3f}  val MAE {val_mae:.3f}")
        if val_mae < best_val:
            best_val = val_mae
            torch.save(model.state_dict(), "best_lstm.pt")

    model.load_state_dict(torch.load("best_lstm.pt"))
    print(f"test MAE: {evaluate(model, loaders['test'], scaler, device):.3f} mph")


if __name__ == "__main__":
    main()
