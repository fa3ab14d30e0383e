"""1D-CNN fault detection on raw etch FDC traces.

Input: traces.npz with
  X       float32 [n_wafers, n_sensors, n_steps]  (resampled to 256 points per recipe step window)
  y       int     [n_wafers]  1 = wafer flagged by post-etch inspection
  lot_id  str     [n_wafers]
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class TraceCNN(nn.Module):
    def __init__(self, n_sensors):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(n_sensors, 64, kernel_size=7, padding=3), nn.BatchNorm1d(64), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(64, 128, kernel_size=5, padding=2), nn.BatchNorm1d(128), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(128, 128, kernel_size=3, padding=1), nn.BatchNorm1d(128), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(),
            nn.Dropout(0.25), nn.Linear(128, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(1)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.sigmoid(model(xb.to(device))).cpu() for xb, _ in loader]
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/etch_traces_256.npz")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    d = np.load(args.data, allow_pickle=True)
    X, y, lots = d["X"], d["y"].astype(np.float32), d["lot_id"]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr, te = next(gss.split(X, y, groups=lots))

    # per-sensor scaling
    mu = X[tr].mean(axis=(0, 2), keepdims=True)
    sd = X[tr].std(axis=(0, 2), keepdims=True) + 1e-6
    Xn = ((X - mu) / sd).astype(np.float32)

    train_dl = DataLoader(TensorDataset(torch.from_numpy(Xn[tr]), torch.from_numpy(y[tr])),
                          batch_size=args.batch_size, shuffle=True, drop_last=True)
    test_dl = DataLoader(TensorDataset(torch.from_numpy(Xn[te]), torch.from_numpy(y[te])), batch_size=256)

    model = TraceCNN(X.shape[1]).to(device)
    pos_weight = torch.tensor([(1 - y[tr].mean()) / y[tr].mean()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        total = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch + 1:02d}  train loss {total / len(train_dl):.4f}")

    p = predict(model, test_dl, device)
    print(f"test ROC-AUC {roc_auc_score(y[te], p):.4f}  PR-AUC {average_precision_score(y[te], p):.4f}")
    torch.save(model.state_dict(), "trace_cnn.pt")


if __name__ == "__main__":
    main()
