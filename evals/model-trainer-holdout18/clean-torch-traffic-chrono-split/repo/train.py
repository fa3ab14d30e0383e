"""Next-24h traffic volume forecast (Metro Interstate I-94, hourly 2012-2018).

Chronological protocol: train < 2017-01-01 <= val < 2018-01-01 <= test.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader

from src.traffic.model import Seq2OneLSTM
from src.traffic.windows import ForecastWindows, chronological_cut

FEATURES = ["traffic_volume", "temp", "rain_1h", "clouds_all", "hour_sin", "hour_cos", "dow_sin", "dow_cos"]


def add_calendar(frame):
    # deterministic functions of the timestamp -> safe to compute before the split
    h, d = frame.index.hour, frame.index.dayofweek
    frame["hour_sin"], frame["hour_cos"] = np.sin(2 * np.pi * h / 24), np.cos(2 * np.pi * h / 24)
    frame["dow_sin"], frame["dow_cos"] = np.sin(2 * np.pi * d / 7), np.cos(2 * np.pi * d / 7)
    return frame


def metrics(y, p):
    err = p - y
    return {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
            "smape": float(np.mean(2 * np.abs(err) / (np.abs(y) + np.abs(p) + 1e-6)))}


def predict(model, loader, scaler):
    model.eval()
    ps, ys = [], []
    with torch.no_grad():
        for x, y in loader:
            ps.append(model(x))
            ys.append(y)
    unscale = lambda a: a * scaler.scale_[0] + scaler.mean_[0]
    return unscale(torch.cat(ys).numpy()), unscale(torch.cat(ps).numpy())


def seasonal_naive(ds, scaler):
    """Forecast = same hours one week earlier (needs lookback >= 168)."""
    ys, ps = [], []
    for i in range(len(ds)):
        x, y = ds[i]
        ys.append(y.numpy())
        ps.append(x[-168:-168 + ds.horizon, 0].numpy())
    unscale = lambda a: a * scaler.scale_[0] + scaler.mean_[0]
    return unscale(np.stack(ys)), unscale(np.stack(ps))


def main(a):
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)

    df = (pd.read_csv(a.csv, parse_dates=["date_time"]).drop_duplicates("date_time")
            .set_index("date_time").asfreq("h"))
    df[["temp", "rain_1h", "clouds_all"]] = df[["temp", "rain_1h", "clouds_all"]].ffill()
    df["traffic_volume"] = df["traffic_volume"].ffill(limit=3)  # causal fill of short sensor gaps
    df = add_calendar(df).dropna(subset=["traffic_volume"])

    train, val, test = chronological_cut(df, "2017-01-01", "2018-01-01")
    scaler = StandardScaler().fit(train[FEATURES])
    full = scaler.transform(pd.concat([train, val, test])[FEATURES])
    n_tr, n_va = len(train), len(val)

    mk = lambda start, stop: ForecastWindows(full[:stop], start, a.lookback, a.horizon)
    train_ds = mk(0, n_tr)
    val_ds = mk(n_tr, n_tr + n_va)
    test_ds = mk(n_tr + n_va, len(full))

    train_dl = DataLoader(train_ds, batch_size=128, shuffle=True, generator=torch.Generator().manual_seed(a.seed))
    val_dl = DataLoader(val_ds, batch_size=512)
    test_dl = DataLoader(test_ds, batch_size=512)

    model = Seq2OneLSTM(len(FEATURES), a.horizon, hidden=a.hidden)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = torch.nn.HuberLoss()
    Path(a.out).mkdir(parents=True, exist_ok=True)
    ckpt = Path(a.out) / "lstm_best.pt"

    best_mae, stall = float("inf"), 0
    for epoch in range(a.epochs):
        model.train()
        for x, y in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        y_val, p_val = predict(model, val_dl, scaler)
        val_m = metrics(y_val, p_val)
        print(f"epoch {epoch:03d} val {val_m}")
        if val_m["mae"] < best_mae:
            best_mae, stall = val_m["mae"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            stall += 1
            if stall >= a.patience:
                break

    model.load_state_dict(torch.load(ckpt))
    y_te, p_te = predict(model, test_dl, scaler)
    y_nv, p_nv = seasonal_naive(test_ds, scaler)
    result = {"lstm_test": metrics(y_te, p_te), "seasonal_naive_test": metrics(y_nv, p_nv),
              "best_val_mae": best_mae}
    print(json.dumps(result, indent=2))
    (Path(a.out) / "results.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/Metro_Interstate_Traffic_Volume.csv")
    ap.add_argument("--lookback", type=int, default=336)
    ap.add_argument("--horizon", type=int, default=24)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", default="runs/traffic_lstm")
    main(ap.parse_args())
