"""Galaxy morphology classifier (ResNet-18 from scratch on 96x96 gri cutouts).

python train.py --h5 data/cutouts.h5 --epochs 60 --accum 4
"""
import argparse
import json
from pathlib import Path

import h5py
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader
from torchvision.models import resnet18

from galaxy.data import CLASSES, GalaxyCutouts, channel_stats
from galaxy.engine import predict, scores, train_one_epoch
from galaxy.utils import EarlyStopper, seed_everything


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--h5", default="data/cutouts.h5")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=97)
    ap.add_argument("--out", default="runs/galaxy")
    args = ap.parse_args()

    gen = seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with h5py.File(args.h5, "r") as f:
        labels = f["labels"][:]
    idx = np.arange(len(labels))
    tr_idx, rest = train_test_split(idx, test_size=0.3, stratify=labels, random_state=args.seed)
    va_idx, te_idx = train_test_split(rest, test_size=0.5, stratify=labels[rest], random_state=args.seed)

    mean, std = channel_stats(args.h5, tr_idx)
    make = lambda ids, train: GalaxyCutouts(args.h5, ids, labels[ids], mean, std, train)
    train_dl = DataLoader(make(tr_idx, True), batch_size=args.batch, shuffle=True, num_workers=4, generator=gen)
    val_dl = DataLoader(make(va_idx, False), batch_size=256, num_workers=4)
    test_dl = DataLoader(make(te_idx, False), batch_size=256, num_workers=4)

    model = resnet18(num_classes=len(CLASSES)).to(device)
    counts = np.bincount(labels[tr_idx], minlength=len(CLASSES))
    weights = torch.tensor(len(tr_idx) / (len(CLASSES) * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights, label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scaler = torch.cuda.amp.GradScaler(enabled=False)   # bf16 autocast needs no loss scaling
    stopper = EarlyStopper(args.patience)

    for epoch in range(args.epochs):
        loss = train_one_epoch(model, train_dl, criterion, optimizer, scaler, device, args.accum)
        val = scores(*predict(model, val_dl, device))
        print(f"epoch {epoch:02d} loss {loss:.4f} val macro-F1 {val['macro_f1']:.4f} bal-acc {val['balanced_acc']:.4f}")
        improved, stop = stopper.step(val["macro_f1"])
        if improved:
            torch.save({"model": model.state_dict(), "mean": mean, "std": std, "epoch": epoch}, out / "best.pt")
        if stop:
            break

    best = torch.load(out / "best.pt", map_location=device)
    model.load_state_dict(best["model"])
    y_te, p_te = predict(model, test_dl, device)
    majority = np.full_like(y_te, np.bincount(labels[tr_idx]).argmax())
    report = {"best_epoch": best["epoch"], "test": scores(y_te, p_te), "majority_baseline": scores(y_te, majority)}
    print(json.dumps(report, indent=2))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
