"""Two-stage protocol: pick the epoch count on a validation split of the official train clips,
then retrain from scratch on all train clips for that many epochs and score the official test split once."""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from penn_data import PennClips, load_penn
from tcn import PoseTCN


def seed_all(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s)


def fit(records, epochs, args, val_records=None):
    model = PoseTCN(dropout=args.dropout)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    dl = DataLoader(PennClips(records), batch_size=32, shuffle=True)
    crit, history = nn.CrossEntropyLoss(), []
    for ep in range(epochs):
        model.train()
        for x, y in dl:
            opt.zero_grad()
            crit(model(x), y).backward()
            opt.step()
        sched.step()
        if val_records is not None:
            history.append(accuracy(model, val_records))
            print(f"  epoch {ep + 1:3d}  val acc {history[-1]:.4f}")
    return model, history


@torch.no_grad()
def accuracy(model, records):
    model.eval()
    hit = n = 0
    for x, y in DataLoader(PennClips(records), batch_size=128):
        hit += (model(x).argmax(1) == y).sum().item()
        n += len(y)
    return hit / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/Penn_Action")
    ap.add_argument("--max-epochs", type=int, default=80)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()

    seed_all(args.seed)
    data = load_penn(args.root)
    train_recs = [r for r in data if r[4]]
    test_recs = [r for r in data if not r[4]]
    tr, va = train_test_split(train_recs, test_size=0.15, stratify=[r[3] for r in train_recs],
                              random_state=args.seed)

    print("stage 1: choose epochs on validation")
    _, hist = fit(tr, args.max_epochs, args, val_records=va)
    best_epochs = int(np.argmax(hist)) + 1
    print(f"best epoch count {best_epochs} (val acc {max(hist):.4f})")

    print("stage 2: retrain on train+val")
    seed_all(args.seed)
    final, _ = fit(tr + va, best_epochs, args)
    print(f"Penn Action test accuracy: {accuracy(final, test_recs):.4f}")
    torch.save(final.state_dict(), "pose_tcn_penn.pt")


if __name__ == "__main__":
    main()
