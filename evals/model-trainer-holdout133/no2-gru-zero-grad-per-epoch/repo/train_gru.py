"""Multi-station hourly NO2 nowcast with a shared GRU (station embedding + met covariates)."""
import argparse
import json

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

COVARS = ["no2", "o3", "temp", "rh", "wind_speed", "blh", "traffic_idx"]


class StationGRU(nn.Module):
    def __init__(self, n_feat, n_stations, emb=8, hidden=64, dropout=0.2):
        super().__init__()
        self.emb = nn.Embedding(n_stations, emb)
        self.gru = nn.GRU(n_feat + emb, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x, sid):
        e = self.emb(sid).unsqueeze(1).expand(-1, x.size(1), -1)
        h, _ = self.gru(torch.cat([x, e], dim=-1))
        return self.out(h[:, -1]).squeeze(-1)


def windows(df, lookback, stats):
    xs, ys, ss = [], [], []
    for sid, g in df.groupby("station_idx"):
        a = ((g[COVARS] - stats["mean"]) / stats["std"]).to_numpy(np.float32)
        t = a[:, 0]
        for i in range(lookback, len(a)):
            if np.isnan(a[i - lookback:i]).any() or np.isnan(t[i]):
                continue
            xs.append(a[i - lookback:i]); ys.append(t[i]); ss.append(sid)
    return TensorDataset(torch.tensor(np.stack(xs)), torch.tensor(ys), torch.tensor(ss))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/no2_network_hourly.parquet")
    ap.add_argument("--lookback", type=int, default=24)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    df = pd.read_parquet(args.data).sort_values(["station", "time"])
    df["station_idx"] = df["station"].astype("category").cat.codes
    train = df[df["time"] < "2022-07-01"]
    val = df[(df["time"] >= "2022-07-01") & (df["time"] < "2023-01-01")]
    test = df[df["time"] >= "2023-01-01"]

    stats = {"mean": train[COVARS].mean(), "std": train[COVARS].std()}
    tr_ds, va_ds, te_ds = (windows(d, args.lookback, stats) for d in (train, val, test))
    tr_dl = DataLoader(tr_ds, batch_size=256, shuffle=True)
    va_dl = DataLoader(va_ds, batch_size=1024)
    te_dl = DataLoader(te_ds, batch_size=1024)

    model = StationGRU(len(COVARS), df["station_idx"].nunique())
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=2)
    loss_fn = nn.HuberLoss(delta=1.0)

    def run_eval(dl):
        model.eval()
        se, ae, n = 0.0, 0.0, 0
        with torch.no_grad():
            for xb, yb, sb in dl:
                err = (model(xb, sb) - yb) * stats["std"]["no2"]
                se += (err ** 2).sum().item(); ae += err.abs().sum().item(); n += len(yb)
        return np.sqrt(se / n), ae / n

    best_rmse, best_state = np.inf, None
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        running = 0.0
        for xb, yb, sb in tr_dl:
            loss = loss_fn(model(xb, sb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(yb)
        val_rmse, val_mae = run_eval(va_dl)
        sched.step(val_rmse)
        print(f"[{epoch:02d}] train {running / len(tr_ds):.4f}  val RMSE {val_rmse:.2f}  MAE {val_mae:.2f}")
        if val_rmse < best_rmse:
            best_rmse = val_rmse
            best_state = {k: v.clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_rmse, test_mae = run_eval(te_dl)
    print(json.dumps({"val_rmse": float(best_rmse), "test_rmse": float(test_rmse), "test_mae": float(test_mae)}))
    torch.save(model.state_dict(), "no2_gru.pt")


if __name__ == "__main__":
    main()
