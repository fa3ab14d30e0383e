"""Face vs scrambled-face decoding from MEG (planar gradiometers), across subjects.

Epochs were exported per subject with export_epochs.py to npz
(X: n_epochs x 204 x 141, 250 Hz, -0.1..0.46 s; y: 0 = scrambled, 1 = face).
"""
import argparse
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

np.random.seed(0)

TRAIN_SUBJ = ["sub-01", "sub-02", "sub-03", "sub-04", "sub-05", "sub-06", "sub-07", "sub-08", "sub-09", "sub-10"]
VAL_SUBJ = ["sub-11", "sub-12"]
TEST_SUBJ = ["sub-13", "sub-14", "sub-15", "sub-16"]


class MEGConvNet(nn.Module):
    def __init__(self, n_sensors=204, n_times=141, n_spatial=32, p_drop=0.5):
        super().__init__()
        self.spatial = nn.Conv1d(n_sensors, n_spatial, kernel_size=1)
        self.temporal = nn.Sequential(
            nn.Conv1d(n_spatial, 64, kernel_size=9, padding=4),
            nn.BatchNorm1d(64),
            nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(64, 64, kernel_size=9, padding=4),
            nn.BatchNorm1d(64),
            nn.ReLU(),
            nn.AdaptiveAvgPool1d(8),
        )
        self.drop = nn.Dropout(p_drop)
        self.fc = nn.Linear(64 * 8, 2)

    def forward(self, x):
        x = self.temporal(self.spatial(x))
        return self.fc(self.drop(x.flatten(1)))


def load(subjects, data_dir):
    X, y = [], []
    for s in subjects:
        d = np.load(Path(data_dir) / f"{s}_faces_epo.npz")
        x = d["X"].astype(np.float32)
        # per-subject, per-sensor scaling from the baseline window (first 25 samples)
        base = x[:, :, :25]
        x = (x - base.mean(axis=(0, 2), keepdims=True)) / base.std(axis=(0, 2), keepdims=True)
        X.append(x)
        y.append(d["y"].astype(np.int64))
    return TensorDataset(torch.from_numpy(np.concatenate(X)), torch.from_numpy(np.concatenate(y)))


def run_eval(model, loader, device):
    correct, total, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            out = model(xb)
            loss_sum += F.cross_entropy(out, yb, reduction="sum").item()
            correct += (out.argmax(1) == yb).sum().item()
            total += len(yb)
    return loss_sum / total, correct / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="/data/meg_faces/epochs")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl = DataLoader(load(TRAIN_SUBJ, args.data_dir), batch_size=args.batch_size, shuffle=True)
    val_dl = DataLoader(load(VAL_SUBJ, args.data_dir), batch_size=256)
    test_dl = DataLoader(load(TEST_SUBJ, args.data_dir), batch_size=256)

    model = MEGConvNet().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)

    best_val, best_state = np.inf, None
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
        val_loss, val_acc = run_eval(model, val_dl, device)
        print(f"epoch {epoch:02d}  val_loss={val_loss:.4f}  val_acc={val_acc:.3f}")
        if val_loss < best_val:
            best_val = val_loss
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_loss, test_acc = run_eval(model, test_dl, device)
    print(f"test subjects {TEST_SUBJ}: acc={test_acc:.3f} (loss {test_loss:.4f})")
    torch.save(best_state, "meg_faces_convnet.pt")


if __name__ == "__main__":
    main()
