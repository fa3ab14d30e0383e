"""Next-hour ride request forecaster per taxi zone (15-min bins)."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from model import ZoneGRU
from utils import evaluate, set_seed

FEATS = ["requests", "completed", "avg_wait_s", "tod_sin", "tod_cos", "is_weekend"]

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
L, H = cfg["window"]["lookback"], cfg["window"]["horizon"]

df = pd.read_parquet(cfg["data"]["path"]).sort_values(["zone_id", "bin_start"])
tod = df["bin_start"].dt.hour * 4 + df["bin_start"].dt.minute // 15
df["tod_sin"], df["tod_cos"] = np.sin(2 * np.pi * tod / 96), np.cos(2 * np.pi * tod / 96)
df["is_weekend"] = (df["bin_start"].dt.dayofweek >= 5).astype(float)
zone_ids = {z: i for i, z in enumerate(sorted(df["zone_id"].unique()))}

val_start, test_start = pd.Timestamp(cfg["data"]["val_start"]), pd.Timestamp(cfg["data"]["test_start"])
train_rows = df[df["bin_start"] < val_start]
mu = train_rows[FEATS].mean()
sd = train_rows[FEATS].std().replace(0, 1)


def windows(part):
    zs, xs, ys = [], [], []
    for z, g in part.groupby("zone_id"):
        f = ((g[FEATS] - mu) / sd).to_numpy(np.float32)
        r = g["requests"].to_numpy(np.float32)
        for t in range(L, len(g) - H + 1, 2):
            zs.append(zone_ids[z])
            xs.append(f[t - L:t])
            ys.append(r[t:t + H])
    return TensorDataset(torch.tensor(zs), torch.tensor(np.stack(xs)), torch.tensor(np.stack(ys)))


train_ds = windows(train_rows)
val_ds = windows(df[(df["bin_start"] >= val_start) & (df["bin_start"] < test_start)])
test_ds = windows(df[df["bin_start"] >= test_start])
tc = cfg["train"]
train_dl = DataLoader(train_ds, batch_size=tc["batch_size"], shuffle=True)
val_dl = DataLoader(val_ds, batch_size=4096)
test_dl = DataLoader(test_ds, batch_size=4096)

model = ZoneGRU(len(zone_ids), len(FEATS), H, **cfg["model"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
loss_fn = nn.HuberLoss(delta=2.0)
Path(tc["ckpt"]).parent.mkdir(parents=True, exist_ok=True)

best, wait = float("inf"), 0
for epoch in range(tc["max_epochs"]):
    model.train()
    for zone, x, y in train_dl:
        zone, x, y = zone.to(device), x.to(device), y.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(zone, x), y)
        loss.backward()
        opt.step()
    val = evaluate(model, val_dl, device)
    print(f"epoch {epoch:02d}  val_mae={val['mae']:.3f}  val_rmse={val['rmse']:.3f}")
    if val["mae"] < best - 1e-4:
        best, wait = val["mae"], 0
        torch.save(model.state_dict(), tc["ckpt"])
    elif (wait := wait + 1) >= tc["patience"]:
        break

model.load_state_dict(torch.load(tc["ckpt"], map_location=device))
print("test", evaluate(model, test_dl, device))
