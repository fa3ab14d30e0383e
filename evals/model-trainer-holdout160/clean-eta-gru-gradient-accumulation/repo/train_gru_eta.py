"""Remaining sailing time for tankers inbound to Fujairah anchorage, from the last 48 AIS reports.

Long sequences + a small GPU: micro-batches of 64 with gradient accumulation over 4 steps.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

CHANNELS = ["dist_nm", "sog", "cog_err", "dlat", "dlon", "dt_min", "draught"]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def to_windows(frame, seq_len):
    xs, ys = [], []
    for _, v in frame.groupby("voyage_id", sort=False):
        feats, target = v[CHANNELS].to_numpy(np.float32), v["remaining_h"].to_numpy(np.float32)
        for end in range(seq_len, len(v) + 1):
            xs.append(feats[end - seq_len:end])
            ys.append(target[end - 1])
    return np.stack(xs), np.asarray(ys, np.float32)


class GRURegressor(nn.Module):
    def __init__(self, n_in, hidden=128, dropout=0.2):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.out = nn.Sequential(nn.LayerNorm(hidden), nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.out(self.gru(x)[0][:, -1]).squeeze(-1)


def evaluate(model, loader, device):
    model.eval()
    abs_err, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            abs_err += (model(xb.to(device)).cpu() - yb).abs().sum().item()
            n += len(yb)
    return abs_err / n


p = argparse.ArgumentParser()
p.add_argument("--data", default="data/fujairah_inbound_tankers.parquet")
p.add_argument("--seq-len", type=int, default=48)
p.add_argument("--micro-batch", type=int, default=64)
p.add_argument("--accum", type=int, default=4)
p.add_argument("--epochs", type=int, default=25)
p.add_argument("--seed", type=int, default=42)
args = p.parse_args()

seed_everything(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = pd.read_parquet(args.data).sort_values(["voyage_id", "ts"])
start = df.groupby("voyage_id")["ts"].transform("min")
train_df = df[start < "2023-09-01"]
val_df = df[(start >= "2023-09-01") & (start < "2023-11-01")]
test_df = df[start >= "2023-11-01"]

Xtr, ytr = to_windows(train_df, args.seq_len)
Xva, yva = to_windows(val_df, args.seq_len)
Xte, yte = to_windows(test_df, args.seq_len)
mean, std = Xtr.mean(axis=(0, 1)), Xtr.std(axis=(0, 1)) + 1e-6
scale = lambda a: torch.from_numpy((a - mean) / std)

train_dl = DataLoader(TensorDataset(scale(Xtr), torch.from_numpy(ytr)), batch_size=args.micro_batch, shuffle=True)
val_dl = DataLoader(TensorDataset(scale(Xva), torch.from_numpy(yva)), batch_size=512)
test_dl = DataLoader(TensorDataset(scale(Xte), torch.from_numpy(yte)), batch_size=512)

model = GRURegressor(len(CHANNELS)).to(device)
opt = torch.optim.Adam(model.parameters(), lr=5e-4)
criterion = nn.SmoothL1Loss(beta=1.0)

best_mae = float("inf")
for epoch in range(args.epochs):
    model.train()
    opt.zero_grad()
    for step, (xb, yb) in enumerate(train_dl):
        loss = criterion(model(xb.to(device)), yb.to(device)) / args.accum
        loss.backward()
        if (step + 1) % args.accum == 0 or (step + 1) == len(train_dl):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            opt.zero_grad()
    val_mae = evaluate(model, val_dl, device)
    print(f"epoch {epoch + 1}/{args.epochs}  val MAE {val_mae:.2f} h")
    if val_mae < best_mae:
        best_mae = val_mae
        torch.save(model.state_dict(), "gru_eta_best.pt")

model.load_state_dict(torch.load("gru_eta_best.pt", map_location=device))
print(f"test MAE {evaluate(model, test_dl, device):.2f} h  (val {best_mae:.2f} h)")
