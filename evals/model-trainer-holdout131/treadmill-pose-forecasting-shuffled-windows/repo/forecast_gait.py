"""Short-horizon 3D pose forecasting for a single treadmill session.

The Vicon export is one continuous 40-minute run (120 Hz, downsampled to 30 Hz),
21 markers-derived joints in metres. Given the last 1.6 s of motion we predict the
next 0.33 s; the model is meant to run online on the same athlete later in the session.
"""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEED = 3
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

PAST, FUTURE, STRIDE = 48, 10, 4
N_JOINTS = 21

df = pd.read_csv("data/athlete07_treadmill_session.csv")       # columns: t, j0_x, j0_y, j0_z, ...
df = df.sort_values("t").iloc[::4].reset_index(drop=True)      # 120 Hz -> 30 Hz
coords = df.drop(columns="t").to_numpy(dtype=np.float32).reshape(len(df), N_JOINTS, 3)
# root-relative: subtract the pelvis so treadmill drift does not matter
coords = coords - coords[:, :1, :]

starts = np.arange(0, len(coords) - PAST - FUTURE, STRIDE)
windows = np.stack([coords[s:s + PAST + FUTURE] for s in starts])      # (W, 58, 21, 3)
print(f"{len(df)} frames -> {len(windows)} windows")

train_w, test_w = train_test_split(windows, test_size=0.2, shuffle=True, random_state=SEED)

mu = train_w.reshape(-1, N_JOINTS * 3).mean(0)
sd = train_w.reshape(-1, N_JOINTS * 3).std(0) + 1e-6


def to_tensors(w):
    flat = (w.reshape(len(w), PAST + FUTURE, -1) - mu) / sd
    return torch.from_numpy(flat[:, :PAST].astype(np.float32)), torch.from_numpy(flat[:, PAST:].astype(np.float32))


train_loader = DataLoader(TensorDataset(*to_tensors(train_w)), batch_size=128, shuffle=True)
test_loader = DataLoader(TensorDataset(*to_tensors(test_w)), batch_size=256)


class Seq2SeqGRU(nn.Module):
    def __init__(self, dim=N_JOINTS * 3, hidden=256):
        super().__init__()
        self.encoder = nn.GRU(dim, hidden, num_layers=2, batch_first=True, dropout=0.1)
        self.decoder = nn.GRUCell(dim, hidden)
        self.head = nn.Linear(hidden, dim)

    def forward(self, past, horizon=FUTURE):
        _, h = self.encoder(past)
        h, frame = h[-1], past[:, -1]
        outs = []
        for _ in range(horizon):
            h = self.decoder(frame, h)
            frame = frame + self.head(h)          # residual velocity prediction
            outs.append(frame)
        return torch.stack(outs, dim=1)


model = Seq2SeqGRU()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.L1Loss()

for epoch in range(40):
    model.train()
    total = 0.0
    for past, fut in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(past), fut)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(past)
    print(f"epoch {epoch:02d} train L1 {total / len(train_loader.dataset):.4f}")

model.eval()
errs = []
with torch.no_grad():
    for past, fut in test_loader:
        pred = model(past).numpy() * sd + mu
        true = fut.numpy() * sd + mu
        diff = (pred - true).reshape(len(pred), FUTURE, N_JOINTS, 3)
        errs.append(np.linalg.norm(diff, axis=-1).mean(axis=2))       # (B, FUTURE)
mpjpe = np.concatenate(errs).mean(0) * 1000
for k in (1, 5, 10):
    print(f"MPJPE @ {k * 33} ms: {mpjpe[k - 1]:.1f} mm")
torch.save(model.state_dict(), "gait_forecaster.pt")
