"""Hourly river-stage forecasting (6 h lead) with an LSTM.

Upstream gauge levels + radar rainfall over the sub-catchments -> stage at the flood-warning
gauge 6 hours ahead. Chronological split: 2014-2019 train, 2020 validation, 2021-2022 test.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 123
WINDOW = 72     # hours of history
LEAD = 6        # hours ahead
EPOCHS = 40
FEATURES = ["stage_target_m", "stage_up1_m", "stage_up2_m", "rain_sub1_mm", "rain_sub2_mm", "rain_sub3_mm"]

torch.manual_seed(SEED)
np.random.seed(SEED)


def windows(arr, target, window, lead):
    xs, ys = [], []
    for t in range(window, len(arr) - lead):
        xs.append(arr[t - window:t])
        ys.append(target[t + lead - 1])
    return torch.tensor(np.stack(xs), dtype=torch.float32), torch.tensor(ys, dtype=torch.float32)[:, None]


class StageLSTM(nn.Module):
    def __init__(self, n_in, hidden=96):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        h, _ = self.lstm(x)
        return self.out(h[:, -1])


df = pd.read_csv("data/catchment_hourly.csv", parse_dates=["time"], index_col="time")
df = df[FEATURES].interpolate(limit=6).dropna()

train = df.loc["2014":"2019"]
val = df.loc["2020"]
test = df.loc["2021":"2022"]

mu, sd = train.mean(), train.std()
norm = lambda d: ((d - mu) / sd).values.astype(np.float32)

Xtr, ytr = windows(norm(train), norm(train)[:, 0], WINDOW, LEAD)
Xva, yva = windows(norm(val), norm(val)[:, 0], WINDOW, LEAD)
Xte, yte = windows(norm(test), norm(test)[:, 0], WINDOW, LEAD)

train_dl = DataLoader(TensorDataset(Xtr, ytr), batch_size=256, shuffle=True)
val_dl = DataLoader(TensorDataset(Xva, yva), batch_size=1024)
test_dl = DataLoader(TensorDataset(Xte, yte), batch_size=1024)

model = StageLSTM(len(FEATURES))
optimizer = torch.optim.Adam(model.parameters(), lr=5e-4)
loss_fn = nn.MSELoss()


def rmse_m(loader):
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            err = (model(xb) - yb) * sd["stage_target_m"]
            se += (err ** 2).sum().item()
            n += len(yb)
    return (se / n) ** 0.5


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
    val_rmse = rmse_m(val_dl)
    print(f"epoch {epoch:02d} train_mse {running / len(train_dl.dataset):.4f} val_rmse {val_rmse:.3f} m")
    if val_rmse < best:
        best = val_rmse
        best_state = {k: v.clone() for k, v in model.state_dict().items()}

model.load_state_dict(best_state)
print(f"test RMSE (6 h lead): {rmse_m(test_dl):.3f} m")
