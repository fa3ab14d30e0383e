"""BiGRU over MediaPipe Holistic keypoints for AUTSL (226 signs).

Keypoints were extracted once with extract_keypoints.py into one .npz per official split
(train / val / test use disjoint signers).
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class PoseGRU(nn.Module):
    def __init__(self, in_dim, n_classes, hidden=256, layers=2, dropout=0.3):
        super().__init__()
        self.inp = nn.Sequential(nn.Linear(in_dim, hidden), nn.LayerNorm(hidden), nn.ReLU(), nn.Dropout(dropout))
        self.gru = nn.GRU(hidden, hidden, num_layers=layers, batch_first=True, bidirectional=True, dropout=dropout)
        self.out = nn.Linear(2 * hidden, n_classes)

    def forward(self, x):
        h, _ = self.gru(self.inp(x))
        return self.out(h.mean(dim=1))


def load_split(path):
    d = np.load(path)
    x = torch.tensor(d["keypoints"], dtype=torch.float32)  # (N, 60, 150) pose+hands xy
    y = torch.tensor(d["labels"], dtype=torch.long)
    return TensorDataset(x, y)


@torch.no_grad()
def accuracy(model, loader, device):
    model.eval()
    correct = n = 0
    for x, y in loader:
        correct += (model(x.to(device)).argmax(1).cpu() == y).sum().item()
        n += len(y)
    return correct / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="keypoints/autsl")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds = load_split(f"{args.data}/train.npz")
    val_ds = load_split(f"{args.data}/val.npz")
    test_ds = load_split(f"{args.data}/test.npz")
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True)
    val_dl = DataLoader(val_ds, batch_size=256)
    test_dl = DataLoader(test_ds, batch_size=256)

    model = PoseGRU(train_ds.tensors[0].shape[-1], n_classes=226).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-5)
    criterion = nn.CrossEntropyLoss()

    best_val, best_state = 0.0, None
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        epoch_loss = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            # light augmentation: small global shift of all keypoints
            x = x + 0.02 * torch.randn(x.size(0), 1, x.size(2), device=device)
            loss = criterion(model(x), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
            optimizer.step()
            epoch_loss += loss.item()

        val_acc = accuracy(model, val_dl, device)
        print(f"epoch {epoch:02d}  loss {epoch_loss / len(train_dl):.4f}  val {val_acc:.4f}")
        if val_acc > best_val:
            best_val = val_acc
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    print(f"best val {best_val:.4f}  test {accuracy(model, test_dl, device):.4f}")
    torch.save(best_state, "pose_gru_autsl.pt")


if __name__ == "__main__":
    main()
