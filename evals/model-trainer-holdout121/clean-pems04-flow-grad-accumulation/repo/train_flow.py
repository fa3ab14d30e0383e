"""
PeMS04 traffic flow forecasting (307 detectors, 5-min), Transformer encoder over time.
Batch of 16 fits on our 12 GB cards; we accumulate 4 steps for an effective batch of 64.
"""
import argparse
import math
import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

P, Q = 12, 12  # input / output steps


def seed_all(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s); torch.cuda.manual_seed_all(s)


def make_windows(x):
    idx = range(P, len(x) - Q + 1)
    X = np.stack([x[t - P:t] for t in idx]).astype(np.float32)
    Y = np.stack([x[t:t + Q] for t in idx]).astype(np.float32)
    return torch.from_numpy(X), torch.from_numpy(Y)


class FlowTransformer(nn.Module):
    def __init__(self, n_nodes, d_model=128, nhead=4, layers=3, dropout=0.1):
        super().__init__()
        self.inp = nn.Linear(n_nodes, d_model)
        self.pos = nn.Parameter(torch.zeros(1, P, d_model))
        enc = nn.TransformerEncoderLayer(d_model, nhead, 4 * d_model, dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(enc, layers)
        self.out = nn.Linear(d_model * P, n_nodes * Q)
        self.n_nodes = n_nodes

    def forward(self, x):
        h = self.encoder(self.inp(x) + self.pos)
        return self.out(h.flatten(1)).view(-1, Q, self.n_nodes)


def evaluate(model, loader, mean, std, device):
    model.eval()
    abs_err, sq_err, count = 0.0, 0.0, 0
    with torch.inference_mode():
        for xb, yb in loader:
            pred = model(xb.to(device)) * std + mean
            true = yb.to(device) * std + mean
            abs_err += (pred - true).abs().sum().item()
            sq_err += ((pred - true) ** 2).sum().item()
            count += true.numel()
    return abs_err / count, math.sqrt(sq_err / count)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npz", default="data/PEMS04.npz")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    flow = np.load(args.npz)["data"][..., 0]  # (16992, 307) flow channel
    n = len(flow)
    s1, s2 = int(0.6 * n), int(0.8 * n)
    mean, std = flow[:s1].mean(), flow[:s1].std()
    norm = (flow - mean) / std

    train_dl = DataLoader(TensorDataset(*make_windows(norm[:s1])), batch_size=args.batch, shuffle=True)
    val_dl = DataLoader(TensorDataset(*make_windows(norm[s1:s2])), batch_size=64)
    test_dl = DataLoader(TensorDataset(*make_windows(norm[s2:])), batch_size=64)

    model = FlowTransformer(flow.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=1e-2)
    crit = nn.SmoothL1Loss()
    best = float("inf")

    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, (xb, yb) in enumerate(train_dl, start=1):
            loss = crit(model(xb.to(device)), yb.to(device)) / args.accum
            loss.backward()
            if step % args.accum == 0 or step == len(train_dl):
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad()
        val_mae, val_rmse = evaluate(model, val_dl, mean, std, device)
        print(f"epoch {epoch:02d} val MAE {val_mae:.2f} RMSE {val_rmse:.2f}")
        if val_mae < best:
            best = val_mae
            torch.save(model.state_dict(), "pems04_transformer.pt")

    model.load_state_dict(torch.load("pems04_transformer.pt"))
    test_mae, test_rmse = evaluate(model, test_dl, mean, std, device)
    print(f"test MAE {test_mae:.2f} RMSE {test_rmse:.2f} (veh/5min)")


if __name__ == "__main__":
    main()
