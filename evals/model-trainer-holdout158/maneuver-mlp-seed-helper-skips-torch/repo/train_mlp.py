import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from utils import MANEUVERS, set_seed, window_features

SEED = 123
set_seed(SEED)

CAN_COLS = ["speed_kph", "accel_x", "accel_y", "yaw_rate_dps", "steer_wheel_deg",
            "brake_pressure", "accel_pedal_pct", "turn_indicator"]

raw = pd.read_csv("data/can_segments_3s.csv")
X_df = window_features(raw, CAN_COLS)
meta = raw.groupby("segment_id")[["drive_id", "maneuver"]].first().loc[X_df.index]
y = meta["maneuver"].map({m: i for i, m in enumerate(MANEUVERS)}).to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr, te = next(gss.split(X_df, y, groups=meta["drive_id"]))
scaler = StandardScaler().fit(X_df.iloc[tr])
X_tr = torch.tensor(scaler.transform(X_df.iloc[tr]), dtype=torch.float32)
X_te = torch.tensor(scaler.transform(X_df.iloc[te]), dtype=torch.float32)
y_tr, y_te = torch.tensor(y[tr]), torch.tensor(y[te])

train_loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=128, shuffle=True)

model = nn.Sequential(
    nn.Linear(X_tr.shape[1], 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3),
    nn.Linear(128, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3),
    nn.Linear(64, len(MANEUVERS)),
)
counts = np.bincount(y[tr], minlength=len(MANEUVERS))
loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float32))
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)

for epoch in range(25):
    model.train()
    total = 0.0
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch:02d} train loss {total / len(X_tr):.4f}")

model.eval()
with torch.no_grad():
    pred = model(X_te).argmax(1).numpy()
print(classification_report(y_te.numpy(), pred, target_names=MANEUVERS, digits=3))
print(confusion_matrix(y_te.numpy(), pred))
torch.save({"model": model.state_dict(), "scaler_mean": scaler.mean_, "scaler_scale": scaler.scale_}, "maneuver_mlp.pt")
