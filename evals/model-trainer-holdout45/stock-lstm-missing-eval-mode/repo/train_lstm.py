"""Next-day return forecasting for a US large-cap universe with a stacked LSTM."""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from scipy.stats import spearmanr
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from features import FEATURES, build_features, make_windows

SEED = 1234
LOOKBACK = 30
TRAIN_END, VAL_END = "2019-12-31", "2021-06-30"

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class ReturnLSTM(nn.Module):
    def __init__(self, n_features, hidden=64, layers=2, dropout=0.3):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1]).squeeze(-1)


def evaluate(model, loader):
    preds, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb.to(device)).cpu())
            targets.append(yb)
    p, t = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return {
        "mse": float(np.mean((p - t) ** 2)),
        "hit_rate": float(np.mean(np.sign(p) == np.sign(t))),
        "ic": float(spearmanr(p, t).correlation),
    }


prices = pd.read_parquet("data/sp100_daily_2010_2023.parquet")
market = pd.read_parquet("data/spx_close.parquet").set_index("date")["close"]
feats = build_features(prices, market)

train_df = feats[feats["date"] <= TRAIN_END]
scaler = StandardScaler().fit(train_df[FEATURES])
feats[FEATURES] = scaler.transform(feats[FEATURES])

X, y, dates = make_windows(feats, LOOKBACK)
tr = dates <= np.datetime64(TRAIN_END)
va = (dates > np.datetime64(TRAIN_END)) & (dates <= np.datetime64(VAL_END))
te = dates > np.datetime64(VAL_END)


def loader(mask, shuffle):
    ds = TensorDataset(torch.from_numpy(X[mask]), torch.from_numpy(y[mask]))
    return DataLoader(ds, batch_size=512, shuffle=shuffle)


train_loader, val_loader, test_loader = loader(tr, True), loader(va, False), loader(te, False)

model = ReturnLSTM(len(FEATURES)).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

best_val, patience, bad_epochs = float("inf"), 8, 0
for epoch in range(60):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        running += loss.item() * len(xb)
    val = evaluate(model, val_loader)
    print(f"epoch {epoch:02d} train_mse {running / tr.sum():.6f} val_mse {val['mse']:.6f} val_ic {val['ic']:.4f}")
    if val["mse"] < best_val:
        best_val, bad_epochs = val["mse"], 0
        torch.save(model.state_dict(), "checkpoints/return_lstm_best.pt")
    else:
        bad_epochs += 1
        if bad_epochs >= patience:
            break

model.load_state_dict(torch.load("checkpoints/return_lstm_best.pt"))
test_metrics = evaluate(model, test_loader)
zero_mse = float(np.mean(y[te] ** 2))
hist_mean = float(y[tr].mean())
print("test:", test_metrics)
print(f"baseline zero-return mse {zero_mse:.6f}, train-mean mse {np.mean((y[te] - hist_mean) ** 2):.6f}")
