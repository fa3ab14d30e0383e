import argparse

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from data import CustomerWindows, load_ausgrid
from engine import ConvLSTM, evaluate, train_one_epoch
from utils import EarlyStopper, set_seed

ap = argparse.ArgumentParser()
ap.add_argument("--config", default="config.yaml")
cfg = yaml.safe_load(open(ap.parse_args().config))
set_seed(cfg["seed"])
device = cfg["device"] if torch.cuda.is_available() else "cpu"

wide = load_ausgrid(cfg["data"]["csv"], cfg["data"]["category"]).ffill(limit=2).fillna(0.0)
t_train = wide.index.searchsorted(pd.Timestamp(cfg["data"]["train_end"]) + pd.Timedelta(days=1))
t_val = wide.index.searchsorted(pd.Timestamp(cfg["data"]["val_end"]) + pd.Timedelta(days=1))

# per-customer z-score
mu = wide.iloc[:t_train].mean()
sd = wide.iloc[:t_train].std().clip(lower=1e-3)
z = ((wide - mu) / sd).to_numpy()
sd_t = torch.tensor(sd.to_numpy(), dtype=torch.float32)

L, H = cfg["window"]["lookback"], cfg["window"]["horizon"]
train_ds = CustomerWindows(z, L, H, 0, t_train)
val_ds = CustomerWindows(z, L, H, t_train, t_val)
test_ds = CustomerWindows(z, L, H, t_val, len(z))
tc = cfg["training"]
train_dl = DataLoader(train_ds, batch_size=tc["batch_size"], shuffle=True)
val_dl = DataLoader(val_ds, batch_size=1024)
test_dl = DataLoader(test_ds, batch_size=1024)

mc = cfg["model"]
model = ConvLSTM(3, mc["conv_channels"], mc["hidden"], H, mc["dropout"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tc["epochs"])
stopper = EarlyStopper(tc["patience"])

for epoch in range(tc["epochs"]):
    tr_loss = train_one_epoch(model, train_dl, opt, device)
    val_mae, _ = evaluate(model, val_dl, device)
    sched.step()
    print(f"[{epoch:02d}] train {tr_loss:.4f}  val MAE {val_mae:.4f}")
    if stopper.step(val_mae):
        torch.save(model.state_dict(), "convlstm_best.pt")
    if stopper.stop:
        break

model.load_state_dict(torch.load("convlstm_best.pt", map_location=device))
test_mae, test_kwh = evaluate(model, test_dl, device, sd=sd_t)
print(f"test MAE {test_mae:.4f} (z)  |  {test_kwh:.4f} kWh per half hour")
