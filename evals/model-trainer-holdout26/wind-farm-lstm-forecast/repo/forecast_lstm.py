"""Six-hour-ahead wind farm power forecast with a stacked LSTM.

Input: 10-minute SCADA aggregates (wind speed/direction at hub height, temperature, power).
Train on 2019-2021, validate on H1 2022, test on H2 2022.
"""
import argparse
import math
import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

FEATURES = ["wind_speed", "wind_dir_sin", "wind_dir_cos", "temperature", "power_mw"]
TARGET = "power_mw"
LOOKBACK = 144   # 24 h of 10-minute steps
HORIZON = 36     # 6 h ahead


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class Windows(Dataset):
    def __init__(self, values, target_idx):
        self.values = torch.as_tensor(values, dtype=torch.float32)
        self.target_idx = target_idx

    def __len__(self):
        return len(self.values) - LOOKBACK - HORIZON + 1

    def __getitem__(self, i):
        x = self.values[i : i + LOOKBACK]
        y = self.values[i + LOOKBACK + HORIZON - 1, self.target_idx]
        return x, y


class PowerLSTM(nn.Module):
    def __init__(self, n_features, hidden=128, layers=2, dropout=0.3):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1]).squeeze(-1)


def load_scada(path):
    df = pd.read_csv(path, parse_dates=["timestamp"]).set_index("timestamp").sort_index()
    df = df.resample("10min").mean().interpolate(limit=6)
    rad = np.deg2rad(df["wind_dir"])
    df["wind_dir_sin"], df["wind_dir_cos"] = np.sin(rad), np.cos(rad)
    return df[FEATURES].dropna()


def run_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


def predict(model, loader, device):
    preds, trues = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu())
        trues.append(yb)
    return torch.cat(preds).detach().numpy(), torch.cat(trues).numpy()


def rmse(a, b):
    return float(np.sqrt(np.mean((a - b) ** 2)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--scada", default="data/scada_10min.csv")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--ckpt", default="checkpoints/lstm_best.pt")
    args = p.parse_args()

    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = load_scada(args.scada)

    train_df = df.loc[:"2021-12-31"]
    val_df = df.loc["2022-01-01":"2022-06-30"]
    test_df = df.loc["2022-07-01":]

    mu, sigma = train_df.mean(), train_df.std()
    norm = lambda frame: ((frame - mu) / sigma).to_numpy()
    tidx = FEATURES.index(TARGET)

    train_dl = DataLoader(Windows(norm(train_df), tidx), batch_size=256, shuffle=True)
    val_dl = DataLoader(Windows(norm(val_df), tidx), batch_size=512)
    test_dl = DataLoader(Windows(norm(test_df), tidx), batch_size=512)

    model = PowerLSTM(len(FEATURES)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.MSELoss()

    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    best, wait = math.inf, 0
    for epoch in range(1, args.epochs + 1):
        tr = run_epoch(model, train_dl, loss_fn, opt, device)
        vp, vt = predict(model, val_dl, device)
        val_rmse = rmse(vp, vt)
        print(f"epoch {epoch:3d} train_mse={tr:.4f} val_rmse(norm)={val_rmse:.4f}")
        if val_rmse < best:
            best, wait = val_rmse, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    tp, tt = predict(model, test_dl, device)
    scale = sigma[TARGET]
    tp_mw, tt_mw = tp * scale + mu[TARGET], tt * scale + mu[TARGET]

    # persistence baseline: power at forecast time carried forward HORIZON steps
    test_vals = norm(test_df)[:, tidx] * scale + mu[TARGET]
    persist = test_vals[LOOKBACK - 1 : LOOKBACK - 1 + len(tt_mw)]
    print(f"LSTM        test RMSE={rmse(tp_mw, tt_mw):.2f} MW  MAE={np.mean(np.abs(tp_mw - tt_mw)):.2f} MW")
    print(f"persistence test RMSE={rmse(persist, tt_mw):.2f} MW  MAE={np.mean(np.abs(persist - tt_mw)):.2f} MW")


if __name__ == "__main__":
    main()
