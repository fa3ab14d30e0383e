"""Melanoma vs. benign nevus classifier (EfficientNet-B0) on 192px dermoscopy crops."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from torch.utils.data import DataLoader
from torchvision import models, transforms

from dermnet.data import LesionDataset, channel_stats, patient_split


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    ys, ps = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb.to(device)).squeeze(1)).cpu())
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", default="data/derm_192.pt")
    ap.add_argument("--meta", default="data/derm_meta.csv")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--ckpt", default="checkpoints/derm_effb0.pt")
    args = ap.parse_args()
    seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    images = torch.load(args.images)                       # N x 3 x 192 x 192, float32 in [0, 1]
    meta = pd.read_csv(args.meta)
    labels = torch.tensor(meta["melanoma"].to_numpy(), dtype=torch.float32)
    idx = patient_split(meta, seed=args.seed)
    mean, std = channel_stats(images, idx["train"])

    aug = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip(),
                              transforms.RandomRotation(20), transforms.ColorJitter(0.1, 0.1, 0.1)])
    loaders = {
        "train": DataLoader(LesionDataset(images, labels, idx["train"], mean, std, aug), batch_size=48, shuffle=True, num_workers=4),
        "val": DataLoader(LesionDataset(images, labels, idx["val"], mean, std), batch_size=128),
        "test": DataLoader(LesionDataset(images, labels, idx["test"], mean, std), batch_size=128),
    }

    model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, 1)
    model.to(device)
    pos = labels[idx["train"]].mean().item()
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(1 - pos) / pos], device=device))
    opt = torch.optim.AdamW(model.parameters(), lr=2e-4, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)

    ckpt = Path(args.ckpt)
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, stale = -np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in loaders["train"]:
            opt.zero_grad(set_to_none=True)
            loss = criterion(model(xb.to(device)).squeeze(1), yb.to(device))
            loss.backward()
            opt.step()
        sched.step()
        yv, pv = score(model, loaders["val"], device)
        val_auc = roc_auc_score(yv, pv)
        print(f"epoch {epoch} val_auc {val_auc:.4f}")
        if val_auc > best:
            best, stale = val_auc, 0
            torch.save({"model": model.state_dict(), "mean": mean, "std": std}, ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    state = torch.load(ckpt)
    model.load_state_dict(state["model"])
    yv, pv = score(model, loaders["val"], device)
    fpr, tpr, thr = roc_curve(yv, pv)
    op_thr = float(thr[np.argmax(tpr - fpr)])                # Youden J on validation
    yt, pt = score(model, loaders["test"], device)
    out = {
        "val_auc": best,
        "test_auc": roc_auc_score(yt, pt),
        "test_ap": average_precision_score(yt, pt),
        "test_ap_chance": float(yt.mean()),
        "test_sensitivity@val_thr": float(((pt >= op_thr) & (yt == 1)).sum() / max((yt == 1).sum(), 1)),
        "test_specificity@val_thr": float(((pt < op_thr) & (yt == 0)).sum() / max((yt == 0).sum(), 1)),
        "threshold": op_thr,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
