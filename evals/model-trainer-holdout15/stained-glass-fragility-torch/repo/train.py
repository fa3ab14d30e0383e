import argparse
import copy

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score, roc_auc_score
from torch.utils.data import DataLoader, random_split
from torchvision.models import resnet18, ResNet18_Weights

from panels import PanelDataset

ap = argparse.ArgumentParser()
ap.add_argument("--index", default="data/panels.csv")
ap.add_argument("--images", default="data/img")
ap.add_argument("--epochs", type=int, default=25)
ap.add_argument("--patience", type=int, default=4)
ap.add_argument("--lr", type=float, default=3e-4)
args = ap.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"

full = PanelDataset(args.index, args.images, balance_minority=True)
n_val = int(0.15 * len(full))
n_test = int(0.15 * len(full))
train_ds, val_ds, test_ds = random_split(full, [len(full) - n_val - n_test, n_val, n_test])

train_dl = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=4)
val_dl = DataLoader(val_ds, batch_size=64)
test_dl = DataLoader(test_ds, batch_size=64)

model = resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)
model.fc = nn.Linear(model.fc.in_features, 1)
model.to(device)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
loss_fn = nn.BCEWithLogitsLoss()


@torch.no_grad()
def predict(loader):
    model.eval()
    ys, ps = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb.to(device)).squeeze(1)).cpu())
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


best_auc, best_state, bad_epochs = -1.0, None, 0
for epoch in range(args.epochs):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.float().to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
    yv, pv = predict(val_dl)
    auc = roc_auc_score(yv, pv)
    print(f"epoch {epoch} val_auc={auc:.4f}")
    if auc > best_auc:
        best_auc, best_state, bad_epochs = auc, copy.deepcopy(model.state_dict()), 0
        torch.save(best_state, "panel_resnet18_best.pt")
    else:
        bad_epochs += 1
        if bad_epochs >= args.patience:
            break

model.load_state_dict(best_state)
yv, pv = predict(val_dl)
grid = np.linspace(0.05, 0.95, 19)
thr = grid[np.argmax([f1_score(yv, pv >= t) for t in grid])]

yt, pt = predict(test_dl)
print(f"test AUC={roc_auc_score(yt, pt):.4f}  F1@{thr:.2f}={f1_score(yt, pt >= thr):.4f}  "
      f"all-positive F1 baseline={f1_score(yt, np.ones_like(yt)):.4f}")
