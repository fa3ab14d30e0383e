"""Day-ahead hourly load forecasting for the regional grid with a stacked LSTM."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from windows import make_windows, seasonal_naive

log = logging.getLogger(__name__)

LOOKBACK = 168  # one week of hourly history
HORIZON = 24
PEAK_MW = 9500.0  # installed capacity, used as a fixed scale


class LoadLSTM(nn.Module):
    def __init__(self, n_features, hidden=128, layers=2, horizon=HORIZON, dropout=0.2):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def calendar_features(idx: pd.DatetimeIndex) -> np.ndarray:
    hour = idx.hour.to_numpy()
    dow = idx.dayofweek.to_numpy()
    return np.stack(
        [np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24),
         np.sin(2 * np.pi * dow / 7), np.cos(2 * np.pi * dow / 7)],
        axis=1,
    ).astype(np.float32)


def evaluate(model, loader, device):
    model.eval()
    preds = []
    with torch.no_grad():
        for xb, _ in loader:
            preds.append(model(xb.to(device)).cpu().numpy())
    return np.concatenate(preds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="data/load_hourly.csv")
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--patience", type=int, default=6)
    parser.add_argument("--ckpt", default="runs/lstm_best.pt")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    torch.manual_seed(0)
    np.random.seed(0)

    df = pd.read_csv(args.csv, parse_dates=["timestamp"]).set_index("timestamp").sort_index()
    df = df.asfreq("h").interpolate(limit=3)
    load = (df["load_mw"].to_numpy(dtype=np.float32)) / PEAK_MW
    X, y = make_windows(load, calendar_features(df.index), LOOKBACK, HORIZON)
    log.info("built %d windows", len(X))

    X_fit, X_hold, y_fit, y_hold = train_test_split(X, y, test_size=0.2, random_state=0)
    X_tr, X_val, y_tr, y_val = train_test_split(X_fit, y_fit, test_size=0.15, random_state=0)

    to_ds = lambda a, b: TensorDataset(torch.from_numpy(a), torch.from_numpy(b))
    train_dl = DataLoader(to_ds(X_tr, y_tr), batch_size=256, shuffle=True)
    val_dl = DataLoader(to_ds(X_val, y_val), batch_size=1024)
    hold_dl = DataLoader(to_ds(X_hold, y_hold), batch_size=1024)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = LoadLSTM(n_features=X.shape[2]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.L1Loss()

    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)
    best, wait = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_mae = mean_absolute_error(y_val, evaluate(model, val_dl, device))
        log.info("epoch %02d val MAE %.5f", epoch, val_mae)
        if val_mae < best:
            best, wait = val_mae, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt))
    pred = evaluate(model, hold_dl, device) * PEAK_MW
    naive = seasonal_naive(X_hold, HORIZON) * PEAK_MW
    truth = y_hold * PEAK_MW
    report = {}
    for name, p in {"lstm": pred, "seasonal_naive": naive}.items():
        report[name] = {
            "MAE": float(mean_absolute_error(truth, p)),
            "RMSE": float(np.sqrt(mean_squared_error(truth, p))),
            "MAPE": float(np.mean(np.abs(truth - p) / truth) * 100),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
