"""Kill-level aimbot classifier on raw mouse traces.

data/kill_traces.npz: traces (N, 4, 240) at 120 Hz, label (N,), account_id (N,)
"""
import argparse

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, TensorDataset

from model import AimTraceCNN
from utils import EarlyStopper, seed_everything

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/kill_traces.npz")
p.add_argument("--epochs", type=int, default=40)
p.add_argument("--lr", type=float, default=3e-4)
p.add_argument("--seed", type=int, default=2718)
args = p.parse_args()

seed_everything(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

d = np.load(args.data)
X, y, groups = d["traces"].astype(np.float32), d["label"].astype(np.float32), d["account_id"]

# 5 account-disjoint folds: fold 0 = test, fold 1 = validation, rest = train
sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
folds = [va for _, va in sgkf.split(X, y, groups)]
test_idx, val_idx = folds[0], folds[1]
train_idx = np.concatenate(folds[2:])

loader = lambda idx, shuffle: DataLoader(
    TensorDataset(torch.from_numpy(X[idx]), torch.from_numpy(y[idx])), batch_size=512, shuffle=shuffle
)
train_dl, val_dl, test_dl = loader(train_idx, True), loader(val_idx, False), loader(test_idx, False)

model = AimTraceCNN().to(device)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
pos_weight = torch.tensor((1 - y[train_idx].mean()) / y[train_idx].mean(), device=device)
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)


@torch.no_grad()
def predict(dl):
    model.eval()
    out, tgt = [], []
    for xb, yb in dl:
        out.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        tgt.append(yb.numpy())
    return np.concatenate(tgt), np.concatenate(out)


stopper = EarlyStopper(patience=6)
for epoch in range(args.epochs):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss = criterion(model(xb), yb)
        loss.backward()
        opt.step()

    yv, pv = predict(val_dl)
    val_ap = average_precision_score(yv, pv)
    print(f"epoch {epoch:02d} val AP {val_ap:.4f} AUC {roc_auc_score(yv, pv):.4f}")
    if stopper.step(val_ap):
        torch.save(model.state_dict(), "aim_cnn_best.pt")
    if stopper.should_stop:
        break

model.load_state_dict(torch.load("aim_cnn_best.pt", map_location=device))
yt, pt = predict(test_dl)
print(f"TEST AP {average_precision_score(yt, pt):.4f}  AUC {roc_auc_score(yt, pt):.4f}  base rate {yt.mean():.4f}")
