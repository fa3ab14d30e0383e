"""Anuran call detector for the Pantanal AudioMoth network.

Input: 2 s windows, precomputed as 64-bin log-mel tensors (see make_windows.py) and stored
as one .pt file per split; the splits were made by recorder so each recorder is in one split.
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, f1_score
from torch.utils.data import DataLoader, TensorDataset


class SmallCRNN(nn.Module):
    def __init__(self, n_classes, n_mels=64):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(), nn.MaxPool2d((2, 1)),
        )
        self.gru = nn.GRU(128 * (n_mels // 8), 128, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(0.3)
        self.head = nn.Linear(256, n_classes)

    def forward(self, x):                      # x: (B, 1, n_mels, T)
        z = self.conv(x)                       # (B, C, F, T')
        z = z.permute(0, 3, 1, 2).flatten(2)   # (B, T', C*F)
        z, _ = self.gru(z)
        return self.head(self.drop(z.mean(1)))


def load_split(path):
    blob = torch.load(path)
    return TensorDataset(blob["x"].unsqueeze(1), blob["y"].float())


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out, ys = [], []
    for xb, yb in loader:
        out.append(torch.sigmoid(model(xb.to(device))).cpu())
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/windows")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds = load_split(f"{args.data_dir}/train.pt")
    val_ds = load_split(f"{args.data_dir}/val.pt")
    test_ds = load_split(f"{args.data_dir}/test.pt")
    n_classes = train_ds.tensors[1].shape[1]
    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=256)
    test_loader = DataLoader(test_ds, batch_size=256)

    model = SmallCRNN(n_classes).to(device)
    pos = train_ds.tensors[1].sum(0)
    pos_weight = ((len(train_ds) - pos) / pos.clamp(min=1)).clamp(max=20).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_map, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        total = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            loss = F.binary_cross_entropy_with_logits(logits, yb, pos_weight=pos_weight)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item()

        y_val, p_val = predict(model, val_loader, device)
        val_map = average_precision_score(y_val, p_val, average="macro")
        print(f"epoch {epoch:02d} loss={total / len(train_loader):.4f} val_mAP={val_map:.3f}")
        if val_map > best_map:
            best_map = val_map
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    y_test, p_test = predict(model, test_loader, device)
    print(f"test mAP={average_precision_score(y_test, p_test, average='macro'):.3f} "
          f"test F1@0.5={f1_score(y_test, p_test >= 0.5, average='macro', zero_division=0):.3f}")
    torch.save(model.state_dict(), "anuran_crnn.pt")


if __name__ == "__main__":
    main()
