import argparse

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import RentRegressor
from utils import evaluate, set_seed

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/immo_data.csv")
p.add_argument("--seed", type=int, default=1234)
p.add_argument("--epochs", type=int, default=80)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--patience", type=int, default=10)
p.add_argument("--ckpt", default="best_rent_mlp.pt")
args = p.parse_args()
set_seed(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv(args.data)
df = df[df["totalRent"].between(150, 6000) & df["livingSpace"].between(10, 300)]
df = df.dropna(subset=["yearConstructed", "noRooms", "serviceCharge"])
flags = ["balcony", "hasKitchen", "cellar", "lift", "garden", "newlyConst"]
num = ["livingSpace", "noRooms", "yearConstructed", "serviceCharge", "picturecount"]
X = pd.concat([df[num], df[flags].astype(float), pd.get_dummies(df["regio1"], dtype=float)], axis=1)
y = np.log1p(df["totalRent"].to_numpy(np.float32))

X_tr, X_te, y_tr, y_te = train_test_split(X.to_numpy(np.float32), y, test_size=0.15, random_state=args.seed)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.15, random_state=args.seed)
scaler = StandardScaler().fit(X_tr)


def make_loader(Xa, ya, shuffle):
    t = TensorDataset(torch.tensor(scaler.transform(Xa), dtype=torch.float32),
                      torch.tensor(ya, dtype=torch.float32).unsqueeze(1))
    return DataLoader(t, batch_size=512, shuffle=shuffle)


train_dl, val_dl, test_dl = make_loader(X_tr, y_tr, True), make_loader(X_va, y_va, False), make_loader(X_te, y_te, False)
model = RentRegressor(X.shape[1]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
loss_fn = torch.nn.HuberLoss(delta=0.5)

best, wait = float("inf"), 0
for epoch in range(args.epochs):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss_fn(model(xb), yb).backward()
        opt.step()
    val = evaluate(model, val_dl, device)
    sched.step(val["rmse_log"])
    if val["rmse_log"] < best:
        best, wait = val["rmse_log"], 0
        torch.save(model.state_dict(), args.ckpt)
    else:
        wait += 1
        if wait >= args.patience:
            print(f"early stop at epoch {epoch}")
            break

model.load_state_dict(torch.load(args.ckpt, map_location=device))
print("val ", evaluate(model, val_dl, device))
print("test", evaluate(model, test_dl, device))
