"""GRU regressor: hours to berth from the last 24 AIS reports of an inbound vessel (Port of Singapore)."""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

SEQ_LEN = 24
FEATS = ["dist_nm", "sog", "cog_delta", "dlat", "dlon", "dt_min"]
CUTOFF = pd.Timestamp("2023-10-01", tz="UTC")
EPOCHS, BATCH, LR = 30, 256, 3e-4
SEED = 7

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


def make_sequences(df):
    xs, ys = [], []
    for _, v in df.groupby("voyage_id", sort=False):
        x = v[FEATS].to_numpy(np.float32)
        y = v["hours_to_berth"].to_numpy(np.float32)
        for t in range(SEQ_LEN, len(v) + 1):
            xs.append(x[t - SEQ_LEN:t])
            ys.append(y[t - 1])
    return np.stack(xs), np.array(ys, dtype=np.float32)


class EtaGRU(nn.Module):
    def __init__(self, n_in, hidden=96):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Sequential(nn.Linear(hidden, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        _, h = self.gru(x)
        return self.head(h[-1]).squeeze(-1)


reports = pd.read_parquet("data/sgsin_inbound_reports.parquet")
reports["timestamp"] = pd.to_datetime(reports["timestamp"], utc=True)
reports = reports.sort_values(["voyage_id", "timestamp"])
reports["dlat"] = reports.groupby("voyage_id")["lat"].diff().fillna(0)
reports["dlon"] = reports.groupby("voyage_id")["lon"].diff().fillna(0)
reports["dt_min"] = reports.groupby("voyage_id")["timestamp"].diff().dt.total_seconds().fillna(0) / 60

# split by voyage arrival time: train on earlier voyages, validate on the last month before the cutoff
arrival = reports.groupby("voyage_id")["berth_time"].first()
train_ids = arrival[arrival < CUTOFF - pd.Timedelta(days=30)].index
val_ids = arrival[(arrival >= CUTOFF - pd.Timedelta(days=30)) & (arrival < CUTOFF)].index
test_ids = arrival[arrival >= CUTOFF].index

X_tr, y_tr = make_sequences(reports[reports.voyage_id.isin(train_ids)])
X_va, y_va = make_sequences(reports[reports.voyage_id.isin(val_ids)])
X_te, y_te = make_sequences(reports[reports.voyage_id.isin(test_ids)])

mu, sd = X_tr.reshape(-1, len(FEATS)).mean(0), X_tr.reshape(-1, len(FEATS)).std(0) + 1e-6
norm = lambda a: torch.from_numpy((a - mu) / sd)
train_dl = DataLoader(TensorDataset(norm(X_tr), torch.from_numpy(y_tr)), batch_size=BATCH, shuffle=True)
val_dl = DataLoader(TensorDataset(norm(X_va), torch.from_numpy(y_va)), batch_size=1024)
test_dl = DataLoader(TensorDataset(norm(X_te), torch.from_numpy(y_te)), batch_size=1024)

model = EtaGRU(len(FEATS))
optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=1e-4)
loss_fn = nn.HuberLoss(delta=2.0)


def mae(loader):
    model.eval()
    err, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            err += (model(xb) - yb).abs().sum().item()
            n += len(yb)
    return err / n


best, best_state = float("inf"), None
for epoch in range(EPOCHS):
    model.train()
    optimizer.zero_grad()
    running = 0.0
    for xb, yb in train_dl:
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        running += loss.item() * len(yb)
    val_mae = mae(val_dl)
    print(f"epoch {epoch:02d}  train huber {running / len(train_dl.dataset):.3f}  val MAE {val_mae:.2f} h")
    if val_mae < best:
        best = val_mae
        best_state = {k: v.clone() for k, v in model.state_dict().items()}

model.load_state_dict(best_state)
print(f"test MAE {mae(test_dl):.2f} h (best val {best:.2f} h)")
torch.save(best_state, "eta_gru_sgsin.pt")
