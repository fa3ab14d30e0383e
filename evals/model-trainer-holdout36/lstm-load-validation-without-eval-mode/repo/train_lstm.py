"""Seq2one LSTM: 7 days of hourly history -> next day's 24 hourly loads."""
import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset

log = logging.getLogger("lstm")
FEATURES = ["load_mw", "temp_c", "hour_sin", "hour_cos", "dow_sin", "dow_cos", "holiday"]
LOOKBACK, HORIZON = 168, 24


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class DayAheadWindows(Dataset):
    """Windows start at midnight so that every target is a full calendar day."""

    def __init__(self, feats: np.ndarray, target: np.ndarray, starts: np.ndarray):
        self.feats, self.target, self.starts = feats, target, starts

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        s = self.starts[i]
        x = self.feats[s - LOOKBACK:s]
        y = self.target[s:s + HORIZON]
        return torch.from_numpy(x).float(), torch.from_numpy(y).float()


class LoadLSTM(nn.Module):
    def __init__(self, n_features, hidden=128, layers=2, dropout=0.25):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden, num_layers=layers, dropout=dropout, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, HORIZON))

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


@torch.no_grad()
def predict(model, loader, device):
    preds, trues = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu().numpy())
        trues.append(yb.numpy())
    return np.concatenate(preds), np.concatenate(trues)


def midnight_starts(index: pd.DatetimeIndex, lo: str, hi: str) -> np.ndarray:
    pos = np.arange(len(index))
    mask = (index.hour == 0) & (index >= lo) & (index < hi) & (pos >= LOOKBACK) & (pos + HORIZON <= len(index))
    return pos[mask]


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = pd.read_parquet(args.data).set_index("timestamp").sort_index()

    train_part = df[df.index < args.valid_start]
    x_scaler = StandardScaler().fit(train_part[FEATURES])
    y_scaler = StandardScaler().fit(train_part[["load_mw"]])
    feats = x_scaler.transform(df[FEATURES]).astype(np.float32)
    target = y_scaler.transform(df[["load_mw"]]).ravel().astype(np.float32)

    idx = df.index
    tr = DayAheadWindows(feats, target, midnight_starts(idx, str(idx[0]), args.valid_start))
    va = DayAheadWindows(feats, target, midnight_starts(idx, args.valid_start, args.test_start))
    te = DayAheadWindows(feats, target, midnight_starts(idx, args.test_start, str(idx[-1])))
    g = torch.Generator().manual_seed(args.seed)
    train_loader = DataLoader(tr, batch_size=64, shuffle=True, generator=g)
    valid_loader = DataLoader(va, batch_size=256)
    test_loader = DataLoader(te, batch_size=256)

    model = LoadLSTM(len(FEATURES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
    ckpt = Path(args.out) / "lstm_best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, bad_epochs = float("inf"), 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = F.l1_loss(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            running += loss.item() * len(xb)

        vp, vt = predict(model, valid_loader, device)
        val_mae = float(np.abs(vp - vt).mean())
        sched.step(val_mae)
        log.info("epoch %3d train_l1 %.4f val_l1 %.4f", epoch, running / len(tr), val_mae)
        if val_mae < best - 1e-4:
            best, bad_epochs = val_mae, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    tp, tt = predict(model, test_loader, device)
    inv = lambda a: y_scaler.inverse_transform(a.reshape(-1, 1)).ravel()
    tp_mw, tt_mw = inv(tp), inv(tt)
    naive_mw = np.concatenate([df["load_mw"].to_numpy()[s - 168:s - 168 + HORIZON] for s in te.starts])
    for name, p in (("lstm", tp_mw), ("same_day_last_week", naive_mw)):
        mae = np.abs(p - tt_mw).mean()
        rmse = np.sqrt(((p - tt_mw) ** 2).mean())
        log.info("test %-20s MAE %.1f MW  RMSE %.1f MW", name, mae, rmse)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/load_hourly.parquet")
    ap.add_argument("--valid-start", default="2022-07-01")
    ap.add_argument("--test-start", default="2023-01-01")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default="checkpoints")
    main(ap.parse_args())
