"""Temporal conv net for curb parking availability (LA Express Park sensors, per block face).

Large windows x many blocks don't fit a big batch on the 8GB card, so gradients are accumulated
over `--accum` micro-batches.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK, HORIZON = 288, 12  # 24h of 5-min steps -> next hour
FEATS = ["avail_rate", "tod_sin", "tod_cos", "dow_sin", "dow_cos", "rate_per_hr", "street_sweeping"]


class TCN(nn.Module):
    def __init__(self, n_in, ch=64, dropout=0.2):
        super().__init__()
        layers = []
        for i, d in enumerate([1, 2, 4, 8, 16]):
            layers += [nn.Conv1d(n_in if i == 0 else ch, ch, kernel_size=3, dilation=d, padding=d),
                       nn.BatchNorm1d(ch), nn.ReLU(), nn.Dropout(dropout)]
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(ch, HORIZON)

    def forward(self, x):  # x: (B, T, F)
        h = self.body(x.transpose(1, 2))
        return torch.sigmoid(self.head(h[:, :, -1]))


def to_windows(frame):
    xs, ys = [], []
    for _, g in frame.groupby("block_face_id"):
        a = g[FEATS].to_numpy(np.float32)
        r = g["avail_rate"].to_numpy(np.float32)
        for t in range(LOOKBACK, len(g) - HORIZON + 1, 3):
            xs.append(a[t - LOOKBACK:t])
            ys.append(r[t:t + HORIZON])
    return TensorDataset(torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ys)))


@torch.inference_mode()
def mae(model, loader, device):
    model.eval()
    errs = [(model(x.to(device)) - y.to(device)).abs().mean(dim=0) for x, y in loader]
    return torch.stack(errs).mean(dim=0).cpu()


def main(a):
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_parquet(a.data).sort_values(["block_face_id", "ts"])
    tod = (df["ts"].dt.hour * 60 + df["ts"].dt.minute) / 1440
    df["tod_sin"], df["tod_cos"] = np.sin(2 * np.pi * tod), np.cos(2 * np.pi * tod)
    dow = df["ts"].dt.dayofweek / 7
    df["dow_sin"], df["dow_cos"] = np.sin(2 * np.pi * dow), np.cos(2 * np.pi * dow)
    df["rate_per_hr"] = df["rate_per_hr"] / 6.0  # max posted meter rate in the district

    tr = to_windows(df[df["ts"] < a.val_start])
    va = to_windows(df[(df["ts"] >= a.val_start) & (df["ts"] < a.test_start)])
    te = to_windows(df[df["ts"] >= a.test_start])
    train_dl = DataLoader(tr, batch_size=a.micro_bs, shuffle=True, drop_last=True)
    val_dl, test_dl = DataLoader(va, batch_size=1024), DataLoader(te, batch_size=1024)

    model = TCN(len(FEATS)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = nn.L1Loss()
    best = float("inf")

    for epoch in range(a.epochs):
        model.train()
        opt.zero_grad()
        for step, (x, y) in enumerate(train_dl):
            loss = loss_fn(model(x.to(device)), y.to(device)) / a.accum
            loss.backward()
            if (step + 1) % a.accum == 0 or step + 1 == len(train_dl):
                opt.step()
                opt.zero_grad()
        val_mae = mae(model, val_dl, device).mean().item()
        print(f"epoch {epoch}: val MAE {val_mae:.4f}")
        if val_mae < best:
            best = val_mae
            torch.save(model.state_dict(), a.ckpt)

    model.load_state_dict(torch.load(a.ckpt, map_location=device))
    test_mae = mae(model, test_dl, device)
    print("test MAE by horizon (5-min steps):", [round(v, 4) for v in test_mae.tolist()])
    print(f"test MAE overall {test_mae.mean():.4f} (best val {best:.4f})")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/la_expresspark_blockface_5min.parquet")
    ap.add_argument("--val-start", default="2023-08-01")
    ap.add_argument("--test-start", default="2023-09-01")
    ap.add_argument("--micro-bs", type=int, default=64)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2718)
    ap.add_argument("--ckpt", default="tcn_best.pt")
    main(ap.parse_args())
