"""Expanding-window backtest of a small transformer for 1-4 week ahead national ILI forecasts.

For each test season: everything before the season start is history; the last `val_weeks` of that
history are used for early stopping; the season itself is scored once.
"""
import json
import logging
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.multioutput import MultiOutputRegressor
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from ili_model import ILIFormer

log = logging.getLogger("ili")
FEATURES = ["log_ili", "log_ili_ma4", "woy_sin", "woy_cos"]


def seed_all(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


def load(csv):
    df = pd.read_csv(csv, parse_dates=["week_start"]).set_index("week_start").sort_index()
    # row-wise / trailing transforms only: no statistic looks at future weeks
    df["log_ili"] = np.log1p(df["weighted_ili"])
    df["log_ili_ma4"] = df["log_ili"].rolling(4, min_periods=1).mean()
    woy = df.index.isocalendar().week.to_numpy(dtype=float)
    df["woy_sin"], df["woy_cos"] = np.sin(2 * np.pi * woy / 52.18), np.cos(2 * np.pi * woy / 52.18)
    return df


def windows(arr, target_idx, context, horizon, first_target, last_target):
    X, Y = [], []
    for t in range(max(context, first_target), last_target - horizon + 2):
        X.append(arr[t - context:t])
        Y.append(arr[t:t + horizon, target_idx])
    return np.asarray(X, np.float32), np.asarray(Y, np.float32)


def fit_transformer(cfg, X_tr, y_tr, X_va, y_va, ckpt):
    m, t = cfg["model"], cfg["train"]
    net = ILIFormer(X_tr.shape[2], cfg["context"], cfg["horizon"], **m)
    opt = torch.optim.AdamW(net.parameters(), lr=t["lr"], weight_decay=1e-3)
    dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), t["batch_size"], shuffle=True)
    xv, yv = torch.from_numpy(X_va), torch.from_numpy(y_va)
    best, bad = np.inf, 0
    for epoch in range(t["max_epochs"]):
        net.train()
        for xb, yb in dl:
            opt.zero_grad()
            nn.functional.mse_loss(net(xb), yb).backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            val = nn.functional.mse_loss(net(xv), yv).item()
        if val < best:
            best, bad = val, 0
            torch.save(net.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= t["patience"]:
                break
    net.load_state_dict(torch.load(ckpt))
    net.eval()
    return net


def main():
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(open("config.yaml"))
    seed_all(cfg["seed"])
    df = load(cfg["csv"])
    C, H = cfg["context"], cfg["horizon"]
    tgt = FEATURES.index("log_ili")
    rows = []

    for origin in cfg["test_seasons"]:
        o = df.index.searchsorted(pd.Timestamp(origin))
        v = o - cfg["val_weeks"]
        scaler = StandardScaler().fit(df.iloc[:v][FEATURES])   # training weeks of this fold only
        arr = scaler.transform(df[FEATURES]).astype(np.float32)

        X_tr, y_tr = windows(arr, tgt, C, H, 0, v - 1)
        X_va, y_va = windows(arr, tgt, C, H, v, o - 1)
        X_te, y_te = windows(arr, tgt, C, H, o, o + cfg["season_weeks"] - 1)

        net = fit_transformer(cfg, X_tr, y_tr, X_va, y_va, f"checkpoints/iliformer_{origin}.pt")
        with torch.no_grad():
            p_tf = net(torch.from_numpy(X_te)).numpy()

        gbm = MultiOutputRegressor(HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, random_state=cfg["seed"]))
        gbm.fit(X_tr.reshape(len(X_tr), -1), y_tr)
        p_gbm = gbm.predict(X_te.reshape(len(X_te), -1))
        p_snaive = np.stack([arr[o + i - 52: o + i - 52 + H, tgt] for i in range(len(X_te))])

        mu, sd = scaler.mean_[tgt], scaler.scale_[tgt]
        to_ili = lambda z: np.expm1(z * sd + mu)
        truth = to_ili(y_te)
        for name, p in {"transformer": p_tf, "hgb_lags": p_gbm, "seasonal_naive": p_snaive}.items():
            pred = to_ili(p)
            rows.append({
                "season": origin, "model": name,
                "MAE": mean_absolute_error(truth, pred),
                "RMSE": float(np.sqrt(mean_squared_error(truth, pred))),
                "sMAPE": float(np.mean(2 * np.abs(pred - truth) / (np.abs(pred) + np.abs(truth))) * 100),
            })
        log.info("season %s done", origin)

    res = pd.DataFrame(rows)
    print(res.groupby("model")[["MAE", "RMSE", "sMAPE"]].mean().round(3))
    res.to_csv("results/backtest.csv", index=False)
    print(json.dumps(res.groupby("model")["MAE"].mean().to_dict(), indent=2))


if __name__ == "__main__":
    main()
