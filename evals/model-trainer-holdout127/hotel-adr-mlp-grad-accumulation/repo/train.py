"""Predict log-ADR for confirmed stays (input to the rate-recommendation engine)."""
import random

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader

from adr.data import Preprocessor, load_bookings
from adr.model import ADRNet

SEED = 5
BATCH = 128
ACCUM_STEPS = 4  # effective batch 512 without blowing up GPU memory on the shared box
EPOCHS = 25

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = load_bookings("data/hotel_bookings.csv")
train_df = df[df["arrival_date"] < "2017-01-01"]
val_df = df[(df["arrival_date"] >= "2017-01-01") & (df["arrival_date"] < "2017-05-01")]
test_df = df[df["arrival_date"] >= "2017-05-01"]

prep = Preprocessor().fit(train_df)
train_ds, val_ds, test_ds = (prep.transform(d) for d in (train_df, val_df, test_df))
train_dl = DataLoader(train_ds, batch_size=BATCH, shuffle=True, drop_last=True)
val_dl = DataLoader(val_ds, batch_size=1024)
test_dl = DataLoader(test_ds, batch_size=1024)

model = ADRNet(train_ds.tensors[0].shape[1]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
loss_fn = nn.MSELoss()


@torch.no_grad()
def mae_eur(loader):
    model.eval()
    err, n = 0.0, 0
    for xb, yb in loader:
        pred = model(xb.to(device)).cpu()
        err += (pred.exp() - yb.exp()).abs().sum().item()
        n += len(yb)
    return err / n


best, patience = float("inf"), 0
optimizer.zero_grad()
for epoch in range(EPOCHS):
    model.train()
    running = 0.0
    for step, (xb, yb) in enumerate(train_dl):
        loss = loss_fn(model(xb.to(device)), yb.to(device)) / ACCUM_STEPS
        loss.backward()
        running += loss.item() * ACCUM_STEPS
        if (step + 1) % ACCUM_STEPS == 0:
            optimizer.step()

    val_mae = mae_eur(val_dl)
    print(f"epoch {epoch:02d} train_mse={running / len(train_dl):.4f} val_MAE={val_mae:.2f} EUR")
    if val_mae < best - 0.05:
        best, patience = val_mae, 0
        torch.save(model.state_dict(), "adr_net.pt")
    else:
        patience += 1
        if patience >= 4:
            break

model.load_state_dict(torch.load("adr_net.pt"))
print(f"test MAE: {mae_eur(test_dl):.2f} EUR")
