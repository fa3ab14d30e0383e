"""
GRU forecaster for ride requests per H3 cell (res 7), 15-minute buckets.
Input: last 4 hours (16 steps) of requests for all cells + calendar; output: next 4 steps.
"""
import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK, HORIZON = 16, 4


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_windows(mat, cal):
    xs, ys = [], []
    for t in range(LOOKBACK, len(mat) - HORIZON + 1):
        xs.append(np.concatenate([mat[t - LOOKBACK:t], cal[t - LOOKBACK:t]], axis=1))
        ys.append(mat[t:t + HORIZON])
    return torch.tensor(np.stack(xs)), torch.tensor(np.stack(ys))


class DemandGRU(nn.Module):
    def __init__(self, n_in, n_cells, hidden=128):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.out = nn.Linear(hidden, n_cells * HORIZON)
        self.n_cells = n_cells

    def forward(self, x):
        h, _ = self.gru(x)
        return self.out(h[:, -1]).view(-1, HORIZON, self.n_cells)


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    optimizer.zero_grad()
    running = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(xb)
    return running / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        total += loss_fn(model(xb), yb).item() * len(xb)
    return total / len(loader.dataset)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--demand", default="data/requests_h3r7_15min.parquet")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    long = pd.read_parquet(args.demand)  # columns: bucket_start, h3_cell, requests
    wide = long.pivot_table(index="bucket_start", columns="h3_cell",
                            values="requests", fill_value=0).sort_index()
    mat = np.log1p(wide.to_numpy(dtype=np.float32))
    idx = wide.index
    cal = np.stack([np.sin(2 * np.pi * idx.hour / 24), np.cos(2 * np.pi * idx.hour / 24),
                    (idx.dayofweek >= 5).astype(float)], axis=1).astype(np.float32)

    n = len(mat)
    tr_end, va_end = int(n * 0.8), int(n * 0.9)
    mu, sd = mat[:tr_end].mean(0), mat[:tr_end].std(0) + 1e-6
    mat = (mat - mu) / sd

    X_tr, y_tr = build_windows(mat[:tr_end], cal[:tr_end])
    X_va, y_va = build_windows(mat[tr_end:va_end], cal[tr_end:va_end])
    X_te, y_te = build_windows(mat[va_end:], cal[va_end:])
    train_dl = DataLoader(TensorDataset(X_tr, y_tr), batch_size=128, shuffle=True)
    val_dl = DataLoader(TensorDataset(X_va, y_va), batch_size=256)
    test_dl = DataLoader(TensorDataset(X_te, y_te), batch_size=256)

    model = DemandGRU(X_tr.shape[-1], mat.shape[1]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()

    best, bad = float("inf"), 0
    for epoch in range(args.epochs):
        tr = train_one_epoch(model, train_dl, optimizer, loss_fn, device)
        va = evaluate(model, val_dl, loss_fn, device)
        print(f"epoch {epoch:02d} train {tr:.4f} val {va:.4f}")
        if va < best:
            best, bad = va, 0
            torch.save(model.state_dict(), "gru_best.pt")
        else:
            bad += 1
            if bad >= 6:
                break

    model.load_state_dict(torch.load("gru_best.pt"))
    print(f"test MSE (standardized log1p): {evaluate(model, test_dl, loss_fn, device):.4f}")


if __name__ == "__main__":
    main()
