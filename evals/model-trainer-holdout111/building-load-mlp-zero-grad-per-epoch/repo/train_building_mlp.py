"""Hourly electricity model for one BDG2 building (weather + calendar -> kWh).

Used as the baseline model for M&V: trained on 2016, evaluated on 2017 before the retrofit date.
"""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

WEATHER_COLS = ["airTemperature", "dewTemperature", "windSpeed", "cloudCoverage", "seaLvlPressure"]


def load_building(meter_csv, weather_csv, building_id):
    meter = pd.read_csv(meter_csv, usecols=["timestamp", building_id], parse_dates=["timestamp"])
    meter = meter.rename(columns={building_id: "kwh"})
    site_id = building_id.split("_")[0]
    wx = pd.read_csv(weather_csv, parse_dates=["timestamp"])
    wx = wx[wx["site_id"] == site_id].drop(columns="site_id")
    df = meter.merge(wx, on="timestamp", how="left").set_index("timestamp").sort_index()
    df[WEATHER_COLS] = df[WEATHER_COLS].interpolate(limit=6, limit_direction="forward")
    df = df.dropna()
    df = df[df["kwh"] > 0]

    hour = df.index.hour
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    df["dow"] = df.index.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["cdd"] = (df["airTemperature"] - 18).clip(lower=0)
    df["hdd"] = (15 - df["airTemperature"]).clip(lower=0)
    return df


class MLP(nn.Module):
    def __init__(self, n_in, hidden=128, p=0.1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def to_tensor(a):
    return torch.as_tensor(np.asarray(a), dtype=torch.float32)


def cvrmse(y, yhat):
    return np.sqrt(mean_squared_error(y, yhat)) / np.mean(y)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--building", default="Panther_office_Hannah")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    df = load_building("data/electricity_cleaned.csv", "data/weather.csv", args.building)
    feats = WEATHER_COLS + ["hour_sin", "hour_cos", "dow", "is_weekend", "cdd", "hdd"]

    train = df.loc["2016-01-01":"2016-10-31"]
    val = df.loc["2016-11-01":"2016-12-31"]
    test = df.loc["2017-01-01":"2017-12-31"]

    x_scaler = StandardScaler().fit(train[feats])
    y_mu, y_sd = train["kwh"].mean(), train["kwh"].std()

    def xy(part):
        return to_tensor(x_scaler.transform(part[feats])), to_tensor((part["kwh"] - y_mu) / y_sd)

    X_tr, y_tr = xy(train)
    X_va, y_va = xy(val)
    X_te, _ = xy(test)
    train_loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=64, shuffle=True)

    model = MLP(len(feats))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.MSELoss()

    best_val, best_state = np.inf, None
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        total = 0.0
        for xb, yb in train_loader:
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)

        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(X_va), y_va).item()
        if val_loss < best_val:
            best_val = val_loss
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        if epoch % 10 == 0:
            print(f"epoch {epoch:3d}  train {total / len(X_tr):.4f}  val {val_loss:.4f}")

    model.load_state_dict(best_state)
    model.eval()
    with torch.no_grad():
        pred = model(X_te).numpy() * y_sd + y_mu
    y_true = test["kwh"].to_numpy()
    print(f"{args.building}: test CV(RMSE) = {cvrmse(y_true, pred):.1%}  "
          f"NMBE = {(y_true - pred).sum() / (len(y_true) * y_true.mean()):.2%}")


if __name__ == "__main__":
    main()
