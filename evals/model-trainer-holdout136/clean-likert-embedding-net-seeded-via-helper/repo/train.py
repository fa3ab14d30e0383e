import copy

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from model import LikertEmbeddingNet
from utils import item_columns, load_config, set_seed

cfg = load_config()
set_seed(cfg["seed"])
dcfg, tcfg = cfg["data"], cfg["train"]
items, levels = item_columns(dcfg["item_blocks"])

df = pd.read_csv(dcfg["path"]).dropna(subset=[dcfg["target"]])
# responses are stored 0..K-1; shift by one so that 0 means "skipped"
codes = (df[items] + 1).fillna(0).astype("int64").to_numpy()
numeric = df[dcfg["numeric"]].to_numpy(dtype=np.float32)
y = df[dcfg["target"]].to_numpy(dtype=np.float32)

idx = np.arange(len(df))
idx_trval, idx_test = train_test_split(idx, test_size=cfg["split"]["test_size"], random_state=cfg["seed"])
val_frac = cfg["split"]["val_size"] / (1 - cfg["split"]["test_size"])
idx_train, idx_val = train_test_split(idx_trval, test_size=val_frac, random_state=cfg["seed"])

mu = np.nanmean(numeric[idx_train], axis=0)
sd = np.nanstd(numeric[idx_train], axis=0)
num_z = np.nan_to_num((numeric - mu) / sd, nan=0.0).astype(np.float32)


def loader(rows, shuffle):
    ds = TensorDataset(torch.from_numpy(codes[rows]), torch.from_numpy(num_z[rows]),
                       torch.from_numpy(y[rows]))
    return DataLoader(ds, batch_size=tcfg["batch_size"], shuffle=shuffle)


train_dl, val_dl, test_dl = loader(idx_train, True), loader(idx_val, False), loader(idx_test, False)

model = LikertEmbeddingNet(levels, len(dcfg["numeric"]), tcfg["emb_dim"], tcfg["hidden"], tcfg["dropout"])
opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
loss_fn = torch.nn.SmoothL1Loss()


def mae(dl):
    model.eval()
    err, n = 0.0, 0
    with torch.no_grad():
        for xi, xn, yb in dl:
            err += (model(xi, xn) - yb).abs().sum().item()
            n += len(yb)
    return err / n


best, best_state, wait = float("inf"), None, 0
for epoch in range(tcfg["max_epochs"]):
    model.train()
    for xi, xn, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xi, xn), yb)
        loss.backward()
        opt.step()
    val_mae = mae(val_dl)
    if val_mae < best:
        best, best_state, wait = val_mae, copy.deepcopy(model.state_dict()), 0
    else:
        wait += 1
        if wait >= tcfg["patience"]:
            print(f"early stop at epoch {epoch}")
            break

model.load_state_dict(best_state)
print(f"val MAE {best:.3f}")
print(f"test MAE {mae(test_dl):.3f}  (train-mean baseline {np.abs(y[idx_test] - y[idx_train].mean()).mean():.3f})")
torch.save({"state": model.state_dict(), "mu": mu, "sd": sd, "config": cfg}, "phq9_likert_net.pt")
