"""Cross-subject gesture recognition on raw 8-channel Myo armband sEMG (200 Hz).

windows/<subject>.npz holds x: (n_windows, 52, 8) = 260 ms windows, y: (n_windows,) gesture 0..6
python train_emg_lstm.py --test-subjects 17 18 19 --val-subjects 15 16
"""
import argparse
import glob
import os

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, TensorDataset


class EMGLSTM(nn.Module):
    def __init__(self, n_ch=8, hidden=128, n_classes=7):
        super().__init__()
        self.lstm = nn.LSTM(n_ch, hidden, num_layers=2, batch_first=True, dropout=0.3)
        self.norm = nn.LayerNorm(hidden)
        self.fc = nn.Linear(hidden, n_classes)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(self.norm(out[:, -1]))


def load(subjects, root):
    xs, ys = [], []
    for s in subjects:
        d = np.load(os.path.join(root, f"{s}.npz"))
        xs.append(d["x"].astype(np.float32) / 128.0)  # Myo raw int8 range
        ys.append(d["y"].astype(np.int64))
    return TensorDataset(torch.from_numpy(np.concatenate(xs)), torch.from_numpy(np.concatenate(ys)))


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    p, t = [], []
    for x, y in loader:
        p.append(model(x.to(device)).argmax(1).cpu())
        t.append(y)
    p, t = torch.cat(p).numpy(), torch.cat(t).numpy()
    return accuracy_score(t, p), f1_score(t, p, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="windows")
    ap.add_argument("--val-subjects", nargs="+", type=int, default=[15, 16])
    ap.add_argument("--test-subjects", nargs="+", type=int, default=[17, 18, 19])
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    all_subjects = sorted(int(os.path.basename(f)[:-4]) for f in glob.glob(f"{args.root}/*.npz"))
    held_out = set(args.val_subjects) | set(args.test_subjects)
    train_subjects = [s for s in all_subjects if s not in held_out]

    train_dl = DataLoader(load(train_subjects, args.root), batch_size=128, shuffle=True)
    val_dl = DataLoader(load(args.val_subjects, args.root), batch_size=512)
    test_dl = DataLoader(load(args.test_subjects, args.root), batch_size=512)

    model = EMGLSTM().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_f1 = 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        opt.zero_grad()
        total = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            loss = loss_fn(model(x), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            opt.step()
            total += loss.item()
        val_acc, val_f1 = score(model, val_dl, device)
        print(f"[{epoch:02d}] train loss {total / len(train_dl):.4f}  val acc {val_acc:.3f}  val F1 {val_f1:.3f}")
        if val_f1 > best_f1:
            best_f1 = val_f1
            torch.save(model.state_dict(), "emg_lstm_best.pt")

    model.load_state_dict(torch.load("emg_lstm_best.pt", map_location=device))
    test_acc, test_f1 = score(model, test_dl, device)
    print(f"test subjects {args.test_subjects}: acc {test_acc:.3f}  macro-F1 {test_f1:.3f}")


if __name__ == "__main__":
    main()
