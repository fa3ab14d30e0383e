"""Day-ahead substation load: MLP over categorical embeddings + lagged load."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

cfg = yaml.safe_load(open("forecast.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])

EMB = ["substation", "hour", "dow", "month", "is_holiday"]


def add_features(df):
    df = df.sort_values(["substation", "ts"]).copy()
    df["hour"], df["dow"], df["month"] = df.ts.dt.hour, df.ts.dt.dayofweek, df.ts.dt.month - 1
    df["substation"] = df["substation"].astype("category").cat.codes
    g = df.groupby("substation")["load_mw"]
    for lag in cfg["lags"]:
        df[f"lag_{lag}"] = g.shift(lag)
    df["temp_c"] = df.groupby("substation")["temp_c"].ffill(limit=3)
    return df.dropna(subset=[f"lag_{l}" for l in cfg["lags"]] + ["temp_c"])


class LoadMLP(nn.Module):
    def __init__(self, cards, n_num):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, min(12, c)) for c in cards)
        d = sum(e.embedding_dim for e in self.embs) + n_num
        self.net = nn.Sequential(nn.Linear(d, 256), nn.GELU(), nn.Dropout(0.1),
                                 nn.Linear(256, 128), nn.GELU(), nn.Linear(128, 1))

    def forward(self, xc, xn):
        return self.net(torch.cat([e(xc[:, i]) for i, e in enumerate(self.embs)] + [xn], 1)).squeeze(-1)


def main():
    df = add_features(pd.read_parquet(cfg["data_path"]))
    num_cols = [f"lag_{l}" for l in cfg["lags"]] + ["temp_c"]
    train = df[df.ts <= cfg["train_end"]]
    val = df[(df.ts > cfg["train_end"]) & (df.ts <= cfg["val_end"])]
    test = df[df.ts > cfg["val_end"]]

    scaler = StandardScaler().fit(train[num_cols + ["load_mw"]])
    y_mu, y_sd = scaler.mean_[-1], scaler.scale_[-1]

    def tensors(f):
        z = scaler.transform(f[num_cols + ["load_mw"]]).astype(np.float32)
        return (torch.tensor(f[EMB].values, dtype=torch.long), torch.tensor(z[:, :-1]), torch.tensor(z[:, -1]))

    tr, va, te = tensors(train), tensors(val), tensors(test)
    cards = [int(df[c].max()) + 1 for c in EMB]
    loader = DataLoader(TensorDataset(*tr), batch_size=cfg["batch_size"], shuffle=True,
                        generator=torch.Generator().manual_seed(cfg["seed"]))

    model = LoadMLP(cards, len(num_cols))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, stale = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for xc, xn, yb in loader:
            opt.zero_grad()
            nn.functional.l1_loss(model(xc, xn), yb).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val_mae = nn.functional.l1_loss(model(va[0], va[1]), va[2]).item()
        if val_mae < best:
            best, stale = val_mae, 0
            torch.save(model.state_dict(), ckpt)
        elif (stale := stale + 1) >= cfg["patience"]:
            break

    model.load_state_dict(torch.load(ckpt))
    model.eval()
    with torch.no_grad():
        pred = model(te[0], te[1]).numpy() * y_sd + y_mu
    y_true = test["load_mw"].values
    ridge = Ridge(alpha=1.0).fit(train[num_cols], train["load_mw"])
    candidates = {"emb_mlp": pred, "ridge_lags": ridge.predict(test[num_cols]),
                  "seasonal_naive_168h": test["lag_168"].values}
    for name, p in candidates.items():
        print(f"{name:20s} MAE={mean_absolute_error(y_true, p):7.3f} "
              f"RMSE={mean_squared_error(y_true, p, squared=False):7.3f} "
              f"MAPE={np.mean(np.abs((y_true - p) / y_true)) * 100:5.2f}%")


if __name__ == "__main__":
    main()
