"""GRU forecaster for on-street parking occupancy (Melbourne bay sensors, aggregated per block).

Predicts block occupancy rate for the next 4 x 15min steps from the previous 12 hours.
"""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK, HORIZON = 48, 4
FEATS = ["occ_rate", "hour_sin", "hour_cos", "dow_sin", "dow_cos", "restriction_active"]


def make_windows(frame, block_col="block_id"):
    xs, ys = [], []
    for _, g in frame.groupby(block_col):
        arr = g[FEATS].to_numpy(np.float32)
        occ = g["occ_rate"].to_numpy(np.float32)
        for t in range(LOOKBACK, len(g) - HORIZON + 1):
            xs.append(arr[t - LOOKBACK:t])
            ys.append(occ[t:t + HORIZON])
    return torch.tensor(np.stack(xs)), torch.tensor(np.stack(ys))


class OccGRU(nn.Module):
    def __init__(self, n_in, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, batch_first=True)
        self.out = nn.Linear(hidden, HORIZON)

    def forward(self, x):
        _, h = self.gru(x)
        return torch.sigmoid(self.out(h[-1]))


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    df = pd.read_csv(args.data, parse_dates=["interval_start"])
    df = df.sort_values(["block_id", "interval_start"])
    t = df["interval_start"]
    hod = t.dt.hour + t.dt.minute / 60
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hod / 24), np.cos(2 * np.pi * hod / 24)
    df["dow_sin"], df["dow_cos"] = np.sin(2 * np.pi * t.dt.dayofweek / 7), np.cos(2 * np.pi * t.dt.dayofweek / 7)

    cutoff = pd.Timestamp(args.test_start)
    X_tr, y_tr = make_windows(df[df["interval_start"] < cutoff])
    X_te, y_te = make_windows(df[df["interval_start"] >= cutoff])
    print(f"train windows {len(X_tr):,}  test windows {len(X_te):,}")

    train_dl = DataLoader(TensorDataset(X_tr, y_tr), batch_size=args.bs, shuffle=True)
    test_dl = DataLoader(TensorDataset(X_te, y_te), batch_size=2048)

    model = OccGRU(len(FEATS), args.hidden)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    crit = nn.MSELoss()

    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        total = 0.0
        for xb, yb in train_dl:
            loss = crit(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        print(f"epoch {epoch + 1}/{args.epochs}  train_mse={total / len(X_tr):.5f}")

    model.eval()
    preds = []
    with torch.no_grad():
        for xb, _ in test_dl:
            preds.append(model(xb))
    preds = torch.cat(preds)
    mae = (preds - y_te).abs().mean(dim=0)
    naive = (X_te[:, -1:, 0] - y_te).abs().mean(dim=0)
    for k in range(HORIZON):
        print(f"t+{15 * (k + 1)}min  MAE={mae[k]:.4f}  last-value MAE={naive[k]:.4f}")
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/melbourne_block_occupancy_15min.csv")
    p.add_argument("--test-start", default="2023-09-01")
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--bs", type=int, default=512)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--out", default="gru_occ.pt")
    main(p.parse_args())
