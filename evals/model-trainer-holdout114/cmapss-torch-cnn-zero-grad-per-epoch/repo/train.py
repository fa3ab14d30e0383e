import copy
import json
import sys

import numpy as np
import torch
import torch.nn as nn
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader

from dataset import SlidingWindows, add_train_rul, last_windows, read_split
from model import RULCNN

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
torch.manual_seed(cfg["seed"])
np.random.seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

train_df, test_df, test_rul = read_split(cfg["data_dir"], cfg["subset"])
train_df = add_train_rul(train_df, cfg["max_rul"])
sensors = cfg["sensors"]

# validation engines for model selection
units = train_df["unit_nr"].unique()
rng = np.random.default_rng(cfg["seed"])
val_units = rng.choice(units, size=int(len(units) * cfg["val_fraction"]), replace=False)
fit_df = train_df[~train_df["unit_nr"].isin(val_units)].copy()
val_df = train_df[train_df["unit_nr"].isin(val_units)].copy()

scaler = StandardScaler().fit(fit_df[sensors])
for d in (fit_df, val_df, test_df):
    d[sensors] = scaler.transform(d[sensors])

train_loader = DataLoader(SlidingWindows(fit_df, sensors, cfg["window"]), batch_size=cfg["batch_size"], shuffle=True)
val_loader = DataLoader(SlidingWindows(val_df, sensors, cfg["window"]), batch_size=1024)

model = RULCNN(len(sensors), cfg["window"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=5)
criterion = nn.MSELoss()


def val_rmse():
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in val_loader:
            pred = model(xb.to(device))
            se += ((pred - yb.to(device)) ** 2).sum().item()
            n += len(yb)
    return (se / n) ** 0.5


best, best_state = float("inf"), None
for epoch in range(cfg["epochs"]):
    model.train()
    optimizer.zero_grad()
    running = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = criterion(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        running += loss.item() * len(yb)
    rmse = val_rmse()
    scheduler.step(rmse)
    if rmse < best:
        best, best_state = rmse, copy.deepcopy(model.state_dict())
    print(f"epoch {epoch:3d} train_mse={running / len(train_loader.dataset):8.2f} val_rmse={rmse:6.2f}")

model.load_state_dict(best_state)
model.eval()
with torch.no_grad():
    pred = model(last_windows(test_df, sensors, cfg["window"]).to(device)).cpu().numpy()
pred = np.clip(pred, 0, cfg["max_rul"])
rmse = float(np.sqrt(np.mean((pred - test_rul) ** 2)))
print(f"best val RMSE {best:.2f} | test RMSE on {len(test_rul)} engines: {rmse:.2f}")
