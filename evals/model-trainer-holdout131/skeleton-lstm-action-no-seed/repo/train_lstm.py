"""2-layer LSTM baseline for skeleton action recognition (NTU-60, cross-view).

Expects the cross-view split already written by prepare_ntu.py:
    data/ntu60_xview/{train,test}_joints.npy   (N, T=300, 25, 3), zero padded
    data/ntu60_xview/{train,test}_meta.npz     label, length
"""
import argparse

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class SkeletonClips(Dataset):
    def __init__(self, root, split, clip_len=64, train=True):
        self.x = np.load(f"{root}/{split}_joints.npy", mmap_mode="r")
        meta = np.load(f"{root}/{split}_meta.npz")
        self.y, self.length = meta["label"], meta["length"]
        self.clip_len, self.train = clip_len, train

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        n = int(self.length[i])
        seq = np.asarray(self.x[i, :n], dtype=np.float32)         # (n, 25, 3)
        seq = seq - seq[:, 1:2]                                   # relative to spine-mid joint
        if self.train and n > self.clip_len:
            start = np.random.randint(0, n - self.clip_len + 1)   # random temporal crop
            seq = seq[start:start + self.clip_len]
        else:
            idx = np.linspace(0, n - 1, self.clip_len).round().astype(int)
            seq = seq[idx]
        if len(seq) < self.clip_len:
            seq = np.concatenate([seq, np.zeros((self.clip_len - len(seq), 25, 3), np.float32)])
        return torch.from_numpy(seq.reshape(self.clip_len, -1)), int(self.y[i])


class ActionLSTM(nn.Module):
    def __init__(self, in_dim=75, hidden=256, n_classes=60, dropout=0.5):
        super().__init__()
        self.lstm = nn.LSTM(in_dim, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden, n_classes)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(self.drop(out.mean(dim=1)))


def run(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_ds = SkeletonClips(args.root, "train", args.clip_len, train=True)
    test_ds = SkeletonClips(args.root, "test", args.clip_len, train=False)
    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=4)
    test_loader = DataLoader(test_ds, batch_size=256, shuffle=False, num_workers=4)

    model = ActionLSTM(dropout=args.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    for epoch in range(args.epochs):
        model.train()
        seen, correct, running = 0, 0, 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            logits = model(x)
            loss = criterion(logits, y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            running += loss.item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
            seen += len(y)
        print(f"epoch {epoch + 1:02d}  loss {running / seen:.4f}  train acc {correct / seen:.3f}")

    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in test_loader:
            pred = model(x.to(device)).argmax(1).cpu()
            correct += (pred == y).sum().item()
            total += len(y)
    print(f"cross-view test accuracy: {correct / total:.4f}")
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/ntu60_xview")
    p.add_argument("--clip-len", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--out", default="lstm_xview.pt")
    run(p.parse_args())
