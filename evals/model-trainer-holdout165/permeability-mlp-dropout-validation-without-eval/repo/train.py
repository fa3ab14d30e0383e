import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import PermMLP, predict, run_epoch

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])

df = pd.read_csv(cfg["data_path"])
df = df[df[cfg["target"]] > 0.001].dropna(subset=cfg["features"])
df["LLD"] = np.log10(df["LLD"])
y_all = np.log10(df[cfg["target"]].to_numpy(dtype=np.float32))
groups = df[cfg["group_col"]].to_numpy()

# well-level split: test wells first, then validation wells out of the rest
outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
dev_idx, test_idx = next(outer.split(df, groups=groups))
inner = GroupShuffleSplit(n_splits=1, test_size=cfg["val_size"], random_state=cfg["seed"])
tr_rel, val_rel = next(inner.split(dev_idx, groups=groups[dev_idx]))
tr_idx, val_idx = dev_idx[tr_rel], dev_idx[val_rel]

scaler = StandardScaler().fit(df.iloc[tr_idx][cfg["features"]])


def make_loader(idx, shuffle):
    X = scaler.transform(df.iloc[idx][cfg["features"]]).astype(np.float32)
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y_all[idx]))
    return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, drop_last=shuffle)


train_dl = make_loader(tr_idx, True)
val_dl = make_loader(val_idx, False)
test_dl = make_loader(test_idx, False)

model = PermMLP(len(cfg["features"]), cfg["hidden"], cfg["dropout"])
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
loss_fn = torch.nn.MSELoss()

best, bad = float("inf"), 0
Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
for epoch in range(cfg["epochs"]):
    tr_loss = run_epoch(model, train_dl, loss_fn, opt)
    p, t = predict(model, val_dl)
    val_loss = loss_fn(p, t).item()
    if val_loss < best - 1e-4:
        best, bad = val_loss, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        bad += 1
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  train {tr_loss:.4f}  val {val_loss:.4f}")
    if bad >= cfg["patience"]:
        print(f"early stop at epoch {epoch}")
        break

model.load_state_dict(torch.load(cfg["checkpoint"]))
p, t = predict(model, test_dl)
rmse = torch.sqrt(((p - t) ** 2).mean()).item()
within_10x = ((p - t).abs() < 1.0).float().mean().item()
print(f"test RMSE (log10 mD): {rmse:.3f}   within one decade: {within_10x:.1%}")
