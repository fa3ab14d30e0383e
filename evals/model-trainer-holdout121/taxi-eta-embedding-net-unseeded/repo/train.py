"""Trip-duration (ETA) regression on NYC yellow taxi, Jan-May train / June test."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from dataset import NUM_COLS, TripDataset, load_trips
from model import EtaNet

EPOCHS = 8
BATCH = 2048
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

trips = load_trips("data/yellow_2023_01_06.parquet")
train_df = trips[trips.tpep_pickup_datetime < "2023-06-01"]
test_df = trips[trips.tpep_pickup_datetime >= "2023-06-01"]

mean = train_df[NUM_COLS].to_numpy(dtype=np.float32).mean(0)
std = train_df[NUM_COLS].to_numpy(dtype=np.float32).std(0) + 1e-6

train_loader = DataLoader(TripDataset(train_df, mean, std), batch_size=BATCH, shuffle=True, num_workers=4)
test_loader = DataLoader(TripDataset(test_df, mean, std), batch_size=BATCH)

model = EtaNet().to(device)
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=EPOCHS * len(train_loader))
loss_fn = torch.nn.HuberLoss(delta=0.5)

for epoch in range(EPOCHS):
    model.train()
    for pu, do, num, y in train_loader:
        pu, do, num, y = pu.to(device), do.to(device), num.to(device), y.to(device)
        opt.zero_grad()
        loss = loss_fn(model(pu, do, num), y)
        loss.backward()
        opt.step()
        sched.step()
    print(f"epoch {epoch} last-batch loss {loss.item():.4f}")

model.eval()
preds, trues = [], []
with torch.no_grad():
    for pu, do, num, y in test_loader:
        preds.append(model(pu.to(device), do.to(device), num.to(device)).cpu())
        trues.append(y)
pred_min = np.expm1(torch.cat(preds).numpy())
true_min = np.expm1(torch.cat(trues).numpy())
mae = np.abs(pred_min - true_min).mean()
mape = np.mean(np.abs(pred_min - true_min) / true_min)
print(f"June test MAE {mae:.2f} min | MAPE {mape:.3f}")
torch.save(model.state_dict(), "eta_net.pt")
