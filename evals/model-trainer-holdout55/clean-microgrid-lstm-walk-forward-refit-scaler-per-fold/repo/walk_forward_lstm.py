"""Walk-forward model selection for the campus microgrid hourly demand LSTM."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import TimeSeriesSplit
from sklearn.preprocessing import MinMaxScaler
from torch import nn

LOOKBACK, HORIZON, SEED = 72, 24, 77
GRID = [{"hidden": 32, "dropout": 0.1}, {"hidden": 64, "dropout": 0.2}, {"hidden": 128, "dropout": 0.3}]
OUT = Path("runs/microgrid")


def seed_all(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class DemandLSTM(nn.Module):
    def __init__(self, n_in, hidden, dropout):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden, HORIZON)

    def forward(self, x):
        return self.fc(self.drop(self.lstm(x)[0][:, -1]))


def windows(a):
    idx = range(LOOKBACK, len(a) - HORIZON + 1, 6)
    X = np.stack([a[i - LOOKBACK:i] for i in idx]).astype(np.float32)
    y = np.stack([a[i:i + HORIZON, 0] for i in idx]).astype(np.float32)
    return torch.from_numpy(X), torch.from_numpy(y)


def fit_model(params, tr, va, ckpt, epochs=40, patience=5):
    seed_all()
    model = DemandLSTM(tr[0].shape[-1], **params)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    best, wait = np.inf, 0
    for _ in range(epochs):
        model.train()
        perm = torch.randperm(len(tr[0]))
        for b in perm.split(64):
            opt.zero_grad()
            loss_fn(model(tr[0][b]), tr[1][b]).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val = loss_fn(model(va[0]), va[1]).item()
        if val < best:
            best, wait = val, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= patience:
                break
    model.load_state_dict(torch.load(ckpt))
    model.eval()
    return model, best


def scaled_parts(frame, fit_idx, *other_idx):
    scaler = MinMaxScaler().fit(frame.iloc[fit_idx])
    return scaler, [scaler.transform(frame.iloc[idx]) for idx in (fit_idx, *other_idx)]


def main():
    seed_all()
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_csv("data/microgrid_hourly.csv", parse_dates=["hour"], index_col="hour").sort_index()
    df = df[["demand_kw", "temp_c", "occupancy_pct", "is_term"]].asfreq("h").ffill(limit=3).dropna()
    n_test = 24 * 7 * 8
    dev, test = df.iloc[:-n_test], df.iloc[-n_test - LOOKBACK:]

    cv_scores = {i: [] for i in range(len(GRID))}
    for fold, (tr_idx, va_idx) in enumerate(TimeSeriesSplit(n_splits=4, test_size=24 * 7 * 6).split(dev)):
        inner = int(len(tr_idx) * 0.9)
        _, (a_fit, a_es, a_va) = scaled_parts(dev, tr_idx[:inner], tr_idx[inner - LOOKBACK:], va_idx)
        a_va = np.concatenate([a_es[-LOOKBACK:], a_va])
        for i, params in enumerate(GRID):
            model, _ = fit_model(params, windows(a_fit), windows(a_es), OUT / f"cv_{fold}_{i}.pt")
            Xv, yv = windows(a_va)
            with torch.no_grad():
                cv_scores[i].append(float(torch.mean(torch.abs(model(Xv) - yv))))
    mean_cv = {i: float(np.mean(s)) for i, s in cv_scores.items()}
    best_i = min(mean_cv, key=mean_cv.get)
    print("walk-forward MAE (scaled):", mean_cv, "->", GRID[best_i])

    inner = int(len(dev) * 0.9)
    scaler, (a_fit, a_es) = scaled_parts(dev, np.arange(inner), np.arange(inner - LOOKBACK, len(dev)))
    model, _ = fit_model(GRID[best_i], windows(a_fit), windows(a_es), OUT / "final.pt")
    Xt, yt = windows(scaler.transform(test))
    with torch.no_grad():
        pred = model(Xt).numpy()
    lo, span = scaler.data_min_[0], scaler.data_range_[0]
    pred_kw, true_kw = pred * span + lo, yt.numpy() * span + lo
    naive_kw = Xt[:, -24:, 0].numpy() * span + lo
    report = {}
    for name, p in [("lstm", pred_kw), ("same_hour_yesterday", naive_kw)]:
        err = p - true_kw
        report[name] = {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
                        "peak_abs_err": float(np.abs(p.max(1) - true_kw.max(1)).mean())}
    print(json.dumps(report, indent=2))
    (OUT / "report.json").write_text(json.dumps({"cv": mean_cv, "params": GRID[best_i], "test": report}, indent=2))


if __name__ == "__main__":
    main()
