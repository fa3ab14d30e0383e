"""Day-ahead solar PV output (hourly) with a small LSTM.

Chronological split: first 70% of hours -> train, next 15% -> validation (early stopping),
last 15% -> test. The scaler is fit on the training hours only. Sliding windows are cut
*after* splitting, so shuffling training windows in the DataLoader cannot mix periods.
"""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset

CFG = dict(seed=4, lookback=72, horizon=24, hidden=64, layers=2, dropout=0.2, lr=1e-3,
           batch=128, epochs=80, patience=8, out=Path("artifacts"))
FEATURES = ["pv_kw", "ghi_forecast", "temp_forecast", "cloud_forecast", "hour_sin", "hour_cos"]


def seed_all(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


class Windows(Dataset):
    def __init__(self, arr, lookback, horizon):
        self.arr, self.lb, self.h = arr, lookback, horizon

    def __len__(self):
        return len(self.arr) - self.lb - self.h + 1

    def __getitem__(self, i):
        past = self.arr[i:i + self.lb]
        future = self.arr[i + self.lb:i + self.lb + self.h, 0]
        return torch.from_numpy(past).float(), torch.from_numpy(future).float()


class Forecaster(nn.Module):
    def __init__(self, n_feat, hidden, layers, dropout, horizon):
        super().__init__()
        self.lstm = nn.LSTM(n_feat, hidden, layers, batch_first=True, dropout=dropout)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def evaluate(model, loader, scale, mean):
    model.eval()
    errs_abs, errs_sq = [], []
    with torch.no_grad():
        for xb, yb in loader:
            pred = model(xb) * scale + mean
            true = yb * scale + mean
            errs_abs.append((pred - true).abs())
            errs_sq.append((pred - true) ** 2)
    return torch.cat(errs_abs).mean().item(), torch.cat(errs_sq).mean().sqrt().item()


def main():
    seed_all(CFG["seed"])
    CFG["out"].mkdir(exist_ok=True)
    df = pd.read_csv("data/pv_hourly.csv", parse_dates=["timestamp"]).sort_values("timestamp")
    df["hour_sin"] = np.sin(2 * np.pi * df["timestamp"].dt.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["timestamp"].dt.hour / 24)
    values = df[FEATURES].to_numpy(dtype=np.float32)

    n = len(values)
    i_val, i_test = int(n * 0.70), int(n * 0.85)
    scaler = StandardScaler().fit(values[:i_val])
    train_arr = scaler.transform(values[:i_val])
    # validation/test windows may look back into the previous period (inputs only)
    val_arr = scaler.transform(values[i_val - CFG["lookback"]:i_test])
    test_arr = scaler.transform(values[i_test - CFG["lookback"]:])
    mean, scale = float(scaler.mean_[0]), float(scaler.scale_[0])

    lb, h = CFG["lookback"], CFG["horizon"]
    train_dl = DataLoader(Windows(train_arr, lb, h), batch_size=CFG["batch"], shuffle=True,
                          generator=torch.Generator().manual_seed(CFG["seed"]))
    val_dl = DataLoader(Windows(val_arr, lb, h), batch_size=512)
    test_dl = DataLoader(Windows(test_arr, lb, h), batch_size=512)

    model = Forecaster(len(FEATURES), CFG["hidden"], CFG["layers"], CFG["dropout"], h)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    loss_fn = nn.MSELoss()
    best, wait, ckpt = float("inf"), 0, CFG["out"] / "lstm_best.pt"
    for epoch in range(CFG["epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_mae, val_rmse = evaluate(model, val_dl, scale, mean)
        print(f"epoch {epoch:02d} val MAE {val_mae:.3f} kW  RMSE {val_rmse:.3f} kW")
        if val_mae < best:
            best, wait = val_mae, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= CFG["patience"]:
                break

    model.load_state_dict(torch.load(ckpt))
    test_mae, test_rmse = evaluate(model, test_dl, scale, mean)

    # persistence baseline: tomorrow's profile = the last 24 observed hours
    test_ds = Windows(test_arr, lb, h)
    naive_abs, naive_sq = [], []
    for i in range(len(test_ds)):
        past, fut = test_ds[i]
        guess = past[-h:, 0] * scale + mean
        true = fut * scale + mean
        naive_abs.append((guess - true).abs().mean().item())
        naive_sq.append(((guess - true) ** 2).mean().item())
    print(f"persistence  MAE {np.mean(naive_abs):.3f} kW  RMSE {np.sqrt(np.mean(naive_sq)):.3f} kW")
    print(f"LSTM         MAE {test_mae:.3f} kW  RMSE {test_rmse:.3f} kW")


if __name__ == "__main__":
    main()
