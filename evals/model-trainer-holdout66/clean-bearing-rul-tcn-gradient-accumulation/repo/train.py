import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from bearing_rul.net import TCNRegressor
from bearing_rul.windows import health_fraction, windows_for

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
dcfg, tcfg = cfg["data"], cfg["train"]
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

frame = pd.read_parquet(dcfg["feature_file"])
frame["rul_frac"] = health_fraction(frame)
feature_cols = [c for c in frame.columns if c not in ("bearing_id", "t_s", "rul_frac")]
parts = {k: frame[frame["bearing_id"].isin(dcfg[f"{k}_bearings"])] for k in ("train", "val", "test")}
mean, std = parts["train"][feature_cols].mean(), parts["train"][feature_cols].std() + 1e-8
ds = {k: windows_for(v, feature_cols, dcfg["window"], mean, std) for k, v in parts.items()}
train_loader = DataLoader(ds["train"], batch_size=tcfg["batch_size"], shuffle=True,
                          generator=torch.Generator().manual_seed(cfg["seed"]))
val_loader = DataLoader(ds["val"], batch_size=256)
test_loader = DataLoader(ds["test"], batch_size=256)

model = TCNRegressor(len(feature_cols)).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=1e-3)
loss_fn = torch.nn.SmoothL1Loss(beta=0.05)


@torch.no_grad()
def predict(loader):
    model.eval()
    out, tgt = [], []
    for xb, yb in loader:
        out.append(model(xb.to(device)).cpu())
        tgt.append(yb)
    return torch.cat(out).numpy(), torch.cat(tgt).numpy()


best, wait = np.inf, 0
Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
for epoch in range(tcfg["max_epochs"]):
    model.train()
    optimizer.zero_grad()
    for step, (xb, yb) in enumerate(train_loader, start=1):
        loss = loss_fn(model(xb.to(device)), yb.to(device)) / tcfg["accum_steps"]
        loss.backward()
        if step % tcfg["accum_steps"] == 0 or step == len(train_loader):
            optimizer.step()
            optimizer.zero_grad()
    p, t = predict(val_loader)
    val_rmse = float(np.sqrt(np.mean((p - t) ** 2)))
    if val_rmse < best:
        best, wait = val_rmse, 0
        torch.save({"model": model.state_dict(), "epoch": epoch, "mean": mean, "std": std}, tcfg["checkpoint"])
    else:
        wait += 1
        if wait >= tcfg["patience"]:
            break

model.load_state_dict(torch.load(tcfg["checkpoint"], weights_only=False)["model"])
p, t = predict(test_loader)
for name, pred in [("constant 0.5", np.full_like(t, 0.5)), ("TCN", p)]:
    rmse = np.sqrt(np.mean((pred - t) ** 2))
    mae = np.mean(np.abs(pred - t))
    print(f"{name:>12}: test RMSE {rmse:.3f}  MAE {mae:.3f}")
print(f"best val RMSE {best:.3f}")
