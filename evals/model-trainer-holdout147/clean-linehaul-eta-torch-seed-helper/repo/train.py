"""Linehaul arrival-delay regressor (minutes late at destination terminal)."""
from pathlib import Path

import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from src.data import NUMERIC, make_datasets, split_by_departure
from src.model import DelayNet
from src.utils import EarlyStopper, set_seed

cfg = yaml.safe_load(open("config.yaml"))
gen = set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


@torch.no_grad()
def mean_abs_error(model, loader, y_scale):
    model.eval()
    total, n = 0.0, 0
    for x, y in loader:
        pred = model(x.to(device)).cpu()
        total += (pred - y).abs().sum().item() * y_scale
        n += len(y)
    return total / n


df = pd.read_parquet(cfg["data_path"])
df["scheduled_departure"] = pd.to_datetime(df["scheduled_departure"])
df = df[df["trip_status"] == "COMPLETED"]
train_df, val_df, test_df = split_by_departure(df, cfg["val_start"], cfg["test_start"])
train_ds, val_ds, test_ds, y_scale = make_datasets(train_df, val_df, test_df)

train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=gen, drop_last=True)
val_dl = DataLoader(val_ds, batch_size=4096)
test_dl = DataLoader(test_ds, batch_size=4096)

model = DelayNet(len(NUMERIC), cfg["hidden"], cfg["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
loss_fn = torch.nn.SmoothL1Loss()
stopper = EarlyStopper(cfg["patience"])
Path(cfg["ckpt"]).parent.mkdir(parents=True, exist_ok=True)

for epoch in range(1, cfg["max_epochs"] + 1):
    model.train()
    for x, y in train_dl:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x.to(device)), y.to(device))
        loss.backward()
        opt.step()
    val_mae = mean_abs_error(model, val_dl, y_scale)
    if stopper.step(val_mae):
        torch.save(model.state_dict(), cfg["ckpt"])
    print(f"epoch {epoch:3d} val MAE {val_mae:6.2f} min (best {stopper.best:6.2f})")
    if stopper.should_stop:
        break

model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
print(f"TEST MAE {mean_abs_error(model, test_dl, y_scale):.2f} min  (n={len(test_ds)})")
