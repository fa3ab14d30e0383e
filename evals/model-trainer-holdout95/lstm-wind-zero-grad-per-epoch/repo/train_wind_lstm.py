"""Turbine-level active power forecast (6 x 10-min steps ahead) from SCADA channels."""
import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

CHANNELS = ["active_power_kw", "wind_speed_ms", "wind_dir_sin", "wind_dir_cos", "rotor_rpm", "pitch_deg"]


@dataclass
class Config:
    scada_csv: str = "data/scada_wtg07.csv"
    lookback: int = 72
    horizon: int = 6
    hidden: int = 96
    layers: int = 2
    dropout: float = 0.2
    batch_size: int = 256
    lr: float = 1e-3
    epochs: int = 40
    patience: int = 5
    seed: int = 21
    out_dir: str = "checkpoints"


class WindLSTM(nn.Module):
    def __init__(self, n_in, hidden, layers, horizon, dropout):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, layers, batch_first=True, dropout=dropout)
        self.fc = nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1])


def load_scada(path):
    df = pd.read_csv(path, parse_dates=["timestamp"]).set_index("timestamp").sort_index()
    df = df[df["status_code"] == 0]  # drop curtailment / maintenance periods
    df["wind_dir_sin"] = np.sin(np.deg2rad(df["wind_dir_deg"]))
    df["wind_dir_cos"] = np.cos(np.deg2rad(df["wind_dir_deg"]))
    return df[CHANNELS].asfreq("10min").interpolate(limit=3).dropna()


def windowize(arr, lookback, horizon):
    X = np.lib.stride_tricks.sliding_window_view(arr[:-horizon], lookback, axis=0).transpose(0, 2, 1)
    y = np.lib.stride_tricks.sliding_window_view(arr[lookback:, 0], horizon)
    return X.astype(np.float32), y.astype(np.float32)


def run_eval(model, loader, device):
    model.eval()
    preds = []
    with torch.no_grad():
        for xb, _ in loader:
            preds.append(model(xb.to(device)).cpu())
    return torch.cat(preds).numpy()


def main(cfg: Config):
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = load_scada(cfg.scada_csv)
    n = len(df)
    i_train, i_val = int(n * 0.7), int(n * 0.85)
    scaler = StandardScaler().fit(df.iloc[:i_train])
    arr = scaler.transform(df).astype(np.float32)

    X_tr, y_tr = windowize(arr[:i_train], cfg.lookback, cfg.horizon)
    X_va, y_va = windowize(arr[i_train - cfg.lookback:i_val], cfg.lookback, cfg.horizon)
    X_te, y_te = windowize(arr[i_val - cfg.lookback:], cfg.lookback, cfg.horizon)

    train_loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                              batch_size=cfg.batch_size, shuffle=True, drop_last=True)
    val_loader = DataLoader(TensorDataset(torch.from_numpy(X_va), torch.from_numpy(y_va)), batch_size=1024)
    test_loader = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)), batch_size=1024)

    model = WindLSTM(len(CHANNELS), cfg.hidden, cfg.layers, cfg.horizon, cfg.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    criterion = nn.SmoothL1Loss()
    out_dir = Path(cfg.out_dir)
    out_dir.mkdir(exist_ok=True)

    best, stale = np.inf, 0
    for epoch in range(cfg.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            running += loss.item()
        val_mse = float(np.mean((run_eval(model, val_loader, device) - y_va) ** 2))
        print(f"epoch {epoch + 1:02d}  train {running / len(train_loader):.4f}  val_mse {val_mse:.4f}")
        if val_mse < best:
            best, stale = val_mse, 0
            torch.save(model.state_dict(), out_dir / "wind_lstm.pt")
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(out_dir / "wind_lstm.pt"))
    mu, sd = scaler.mean_[0], scaler.scale_[0]
    pred_kw = run_eval(model, test_loader, device) * sd + mu
    true_kw = y_te * sd + mu
    persist_kw = np.repeat(X_te[:, -1:, 0], cfg.horizon, axis=1) * sd + mu
    for name, p in [("lstm", pred_kw), ("persistence", persist_kw)]:
        mae = np.abs(p - true_kw).mean(axis=0)
        rmse = np.sqrt(((p - true_kw) ** 2).mean())
        print(f"{name:11s} RMSE {rmse:7.1f} kW | MAE per step " + " ".join(f"{m:6.1f}" for m in mae))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scada-csv", default=Config.scada_csv)
    parser.add_argument("--epochs", type=int, default=Config.epochs)
    args = parser.parse_args()
    main(Config(scada_csv=args.scada_csv, epochs=args.epochs))
