"""1D CNN on the raw inertial signals of UCI HAR (9 channels x 128 samples, 50 Hz)."""
import argparse
import os
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

SIGNALS = ["body_acc_x", "body_acc_y", "body_acc_z",
           "body_gyro_x", "body_gyro_y", "body_gyro_z",
           "total_acc_x", "total_acc_y", "total_acc_z"]


def load_uci(root, split):
    chans = [np.loadtxt(os.path.join(root, split, "Inertial Signals", f"{s}_{split}.txt")) for s in SIGNALS]
    x = np.stack(chans, axis=1).astype(np.float32)  # (n, 9, 128)
    y = np.loadtxt(os.path.join(root, split, f"y_{split}.txt")).astype(np.int64) - 1
    subj = np.loadtxt(os.path.join(root, split, f"subject_{split}.txt")).astype(np.int64)
    return x, y, subj


class HarCNN(nn.Module):
    def __init__(self, n_classes=6):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(9, 64, 7, padding=3), nn.BatchNorm1d(64), nn.ReLU(),
            nn.Conv1d(64, 64, 5, padding=2), nn.BatchNorm1d(64), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(64, 128, 3, padding=1), nn.BatchNorm1d(128), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.4), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.classifier(self.features(x))


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [model(xb.to(device)).argmax(1).cpu() for xb, _ in loader]
    return torch.cat(out).numpy()


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    x_all, y_all, s_all = load_uci(args.root, "train")
    x_test, y_test, _ = load_uci(args.root, "test")

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr, va = next(gss.split(x_all, y_all, groups=s_all))
    x_tr, y_tr, x_va, y_va = x_all[tr], y_all[tr], x_all[va], y_all[va]

    mean = x_tr.mean(axis=(0, 2), keepdims=True)
    std = x_tr.std(axis=(0, 2), keepdims=True) + 1e-6
    norm = lambda a: torch.from_numpy((a - mean) / std)

    train_dl = DataLoader(TensorDataset(norm(x_tr), torch.from_numpy(y_tr)), batch_size=args.bs, shuffle=True)
    val_dl = DataLoader(TensorDataset(norm(x_va), torch.from_numpy(y_va)), batch_size=256)
    test_dl = DataLoader(TensorDataset(norm(x_test), torch.from_numpy(y_test)), batch_size=256)

    model = HarCNN().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_f1, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(yb)
        scheduler.step()

        val_pred = predict(model, val_dl, device)
        val_f1 = f1_score(y_va, val_pred, average="macro")
        print(f"epoch {epoch + 1:02d} loss={running / len(y_tr):.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save(model.state_dict(), args.out)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.out, map_location=device))
    test_pred = predict(model, test_dl, device)
    print(f"test accuracy={accuracy_score(y_test, test_pred):.4f} "
          f"macro_f1={f1_score(y_test, test_pred, average='macro'):.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/UCI HAR Dataset")
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--bs", type=int, default=64)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="har_cnn_best.pt")
    main(p.parse_args())
