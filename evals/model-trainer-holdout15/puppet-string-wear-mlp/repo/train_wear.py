# Remaining performance cycles before a marionette control string must be replaced.
# Rows: one inspection of one string (theatre workshop logs). Plain PyTorch MLP.
import random

import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0); np.random.seed(0); random.seed(0)

df = pd.read_csv("string_inspections.csv")
feature_cols = ["material_code", "gauge_mm", "tension_n", "twists_per_m", "cycles_so_far",
                "humidity_pct", "fray_score", "knot_count", "control_bar_angle_deg", "puppet_mass_g"]
y_all = df["cycles_to_replace"].to_numpy(dtype=np.float32)
X_all = df[feature_cols].to_numpy(dtype=np.float32)

X_tmp, X_test, y_tmp, y_test = train_test_split(X_all, y_all, test_size=0.15, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, random_state=0)
sc = StandardScaler().fit(X_train)
to_t = lambda a: torch.tensor(a, dtype=torch.float32)
Xtr, Xva, Xte = to_t(sc.transform(X_train)), to_t(sc.transform(X_val)), to_t(sc.transform(X_test))
ytr, yva, yte = to_t(y_train), to_t(y_val), to_t(y_test)

net = nn.Sequential(
    nn.Linear(len(feature_cols), 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.25),
    nn.Linear(128, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.25),
    nn.Linear(64, 1),
)
opt = torch.optim.Adam(net.parameters(), lr=2e-3)
crit = nn.HuberLoss(delta=50.0)
batch = 128
best_val, since_best = float("inf"), 0

for epoch in range(300):
    net.train()
    perm = torch.randperm(len(Xtr))
    for i in range(0, len(Xtr), batch):
        idx = perm[i:i + batch]
        out = net(Xtr[idx]).squeeze(-1)
        loss = crit(out, ytr[idx])
        loss.backward()
        opt.step()

    val_pred = net(Xva).squeeze(-1)
    val_mae = (val_pred - yva).abs().mean().item()
    if val_mae < best_val - 0.5:
        best_val, since_best = val_mae, 0
        torch.save(net.state_dict(), "string_wear_mlp.pt")
    else:
        since_best += 1
    if since_best == 20:
        print(f"stopping at epoch {epoch}, best val MAE {best_val:.1f}")
        break

net.load_state_dict(torch.load("string_wear_mlp.pt"))
test_pred = net(Xte).squeeze(-1).detach().numpy()
mae = np.abs(test_pred - y_test).mean()
rmse = np.sqrt(((test_pred - y_test) ** 2).mean())
base = np.full_like(y_test, np.median(y_train))
print(f"test MAE {mae:.1f} cycles, RMSE {rmse:.1f} | median-baseline MAE {np.abs(base - y_test).mean():.1f}")
