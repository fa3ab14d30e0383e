"""Transformer encoder forecaster for hourly building electricity consumption (next 24 h)."""
import argparse
import math
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK, HORIZON = 168, 24
FEATURES = ["kwh", "outdoor_temp", "humidity", "hour_sin", "hour_cos", "dow_sin", "dow_cos"]


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["ts"], index_col="ts").sort_index().asfreq("h")
    df = df.interpolate(limit=4).dropna()
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * df.index.hour / 24), np.cos(2 * np.pi * df.index.hour / 24)
    df["dow_sin"], df["dow_cos"] = np.sin(2 * np.pi * df.index.dayofweek / 7), np.cos(2 * np.pi * df.index.dayofweek / 7)
    return df[FEATURES]


def windows(arr: np.ndarray):
    xs = [arr[i - LOOKBACK:i] for i in range(LOOKBACK, len(arr) - HORIZON + 1)]
    ys = [arr[i:i + HORIZON, 0] for i in range(LOOKBACK, len(arr) - HORIZON + 1)]
    return torch.tensor(np.stack(xs), dtype=torch.float32), torch.tensor(np.stack(ys), dtype=torch.float32)


class PositionalEncoding(nn.Module):
    def __init__(self, d_model: int, max_len: int = 1000):
        super().__init__()
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, d_model)
        pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * div), torch.cos(pos * div)
        self.register_buffer("pe", pe)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


class LoadTransformer(nn.Module):
    def __init__(self, n_features: int, d_model: int = 64, nhead: int = 4, layers: int = 3, dropout: float = 0.1):
        super().__init__()
        self.proj = nn.Linear(n_features, d_model)
        self.pos = PositionalEncoding(d_model)
        enc = nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=4 * d_model, dropout=dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(enc, num_layers=layers)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(d_model, HORIZON))

    def forward(self, x):
        h = self.encoder(self.pos(self.proj(x)))
        return self.head(h[:, -1])


def evaluate(model, loader, loss_fn, device):
    total, n, preds = 0.0, 0, []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        out = model(xb)
        total += loss_fn(out, yb).item() * len(xb)
        n += len(xb)
        preds.append(out.detach().cpu())
    return total / n, torch.cat(preds)


def main(args):
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = load_frame(args.data)
    n = len(df)
    n_train, n_val = int(n * 0.7), int(n * 0.15)
    scaler = StandardScaler().fit(df.iloc[:n_train])
    scaled = scaler.transform(df).astype(np.float32)

    train_x, train_y = windows(scaled[:n_train])
    val_x, val_y = windows(scaled[n_train - LOOKBACK:n_train + n_val])
    test_x, test_y = windows(scaled[n_train + n_val - LOOKBACK:])
    train_loader = DataLoader(TensorDataset(train_x, train_y), batch_size=64, shuffle=True)
    val_loader = DataLoader(TensorDataset(val_x, val_y), batch_size=256)
    test_loader = DataLoader(TensorDataset(test_x, test_y), batch_size=256)

    model = LoadTransformer(len(FEATURES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
    loss_fn = nn.MSELoss()
    ckpt = Path(args.checkpoint)
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, stale = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_loss, _ = evaluate(model, val_loader, loss_fn, device)
        sched.step(val_loss)
        print(f"epoch {epoch:02d} val_mse={val_loss:.4f}")
        if val_loss < best:
            best, stale = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    _, pred = evaluate(model, test_loader, loss_fn, device)
    mu, sd = scaler.mean_[0], scaler.scale_[0]
    pred_kwh = pred.numpy() * sd + mu
    true_kwh = test_y.numpy() * sd + mu
    naive_kwh = test_x[:, -HORIZON:, 0].numpy() * sd + mu
    for name, p in [("transformer", pred_kwh), ("seasonal_naive", naive_kwh)]:
        mae = np.mean(np.abs(p - true_kwh))
        rmse = np.sqrt(np.mean((p - true_kwh) ** 2))
        cv_rmse = rmse / true_kwh.mean()
        print(f"{name:15s} MAE={mae:.2f} RMSE={rmse:.2f} CV(RMSE)={cv_rmse:.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/building_42_hourly.csv")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=7)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--checkpoint", default="checkpoints/load_transformer.pt")
    main(ap.parse_args())
