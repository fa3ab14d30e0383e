"""Temporal conv net for sEMG gesture recognition (GRABMyo-style forearm array, 16 ch, 2048 Hz).

Large 500 ms windows do not fit in memory at the target batch size, so gradients are
accumulated over several micro-batches.

    python train_tcn.py --data windows_16ch_500ms.npz --micro-batch 16 --accum 8
"""
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset


class TemporalBlock(nn.Module):
    def __init__(self, c_in, c_out, dilation):
        super().__init__()
        self.conv1 = nn.Conv1d(c_in, c_out, 5, padding=2 * dilation, dilation=dilation)
        self.conv2 = nn.Conv1d(c_out, c_out, 5, padding=2 * dilation, dilation=dilation)
        self.bn1, self.bn2 = nn.BatchNorm1d(c_out), nn.BatchNorm1d(c_out)
        self.drop = nn.Dropout(0.2)
        self.res = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        h = self.drop(F.relu(self.bn1(self.conv1(x))))
        h = self.bn2(self.conv2(h))
        return F.relu(h + self.res(x))


class EMGTCN(nn.Module):
    def __init__(self, n_ch=16, n_classes=17):
        super().__init__()
        self.down = nn.Conv1d(n_ch, 64, 8, stride=4)
        self.blocks = nn.Sequential(*[TemporalBlock(64, 64, d) for d in (1, 2, 4, 8)])
        self.fc = nn.Linear(64, n_classes)

    def forward(self, x):
        return self.fc(self.blocks(self.down(x)).mean(-1))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    pred, true = [], []
    for x, y in loader:
        pred.append(model(x.to(device)).argmax(1).cpu())
        true.append(y)
    pred, true = torch.cat(pred).numpy(), torch.cat(true).numpy()
    return balanced_accuracy_score(true, pred), f1_score(true, pred, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="windows_16ch_500ms.npz")
    ap.add_argument("--micro-batch", type=int, default=16)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    d = np.load(args.data)
    X, y, subj = d["x"].astype(np.float32), d["y"].astype(np.int64), d["subject"]
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    dev_idx, test_idx = next(outer.split(X, y, subj))
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
    tr, va = next(inner.split(X[dev_idx], y[dev_idx], subj[dev_idx]))
    tr_idx, va_idx = dev_idx[tr], dev_idx[va]

    def dl(idx, shuffle):
        ds = TensorDataset(torch.from_numpy(X[idx]), torch.from_numpy(y[idx]))
        return DataLoader(ds, batch_size=args.micro_batch if shuffle else 128, shuffle=shuffle)

    train_dl, val_dl, test_dl = dl(tr_idx, True), dl(va_idx, False), dl(test_idx, False)
    model = EMGTCN(n_ch=X.shape[1], n_classes=int(y.max()) + 1).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    crit = nn.CrossEntropyLoss()

    best, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, (xb, yb) in enumerate(train_dl, start=1):
            loss = crit(model(xb.to(device)), yb.to(device)) / args.accum
            loss.backward()
            if step % args.accum == 0 or step == len(train_dl):
                opt.step()
                opt.zero_grad()
        val_bacc, val_f1 = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d}  val bal-acc {val_bacc:.3f}  macro-F1 {val_f1:.3f}")
        if val_bacc > best:
            best = val_bacc
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_bacc, test_f1 = evaluate(model, test_dl, device)
    print(f"test subjects: bal-acc {test_bacc:.3f}  macro-F1 {test_f1:.3f}")


if __name__ == "__main__":
    main()
