"""Train the bin-map pattern classifier.

Maps are 128x128 so a batch of 256 does not fit on the 16 GB cards: run micro-batches of 32 and
accumulate 8 of them per optimizer step.
"""
import json
import random
import sys

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from model import WaferClassifier


def lot_split(lots, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    return next(gss.split(np.zeros(len(lots)), groups=lots))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        with torch.autocast(device_type=device, enabled=device == "cuda"):
            logits = model(x.to(device))
        ps.append(logits.argmax(1).cpu())
        ys.append(y)
    return f1_score(torch.cat(ys), torch.cat(ps), average="macro")


def main(cfg_path="train_config.json"):
    with open(cfg_path) as f:
        cfg = json.load(f)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    d = np.load(cfg["data"])
    X = torch.from_numpy(d["maps"]).float()      # [N, 3, 128, 128] one-hot die states
    y = torch.from_numpy(d["labels"]).long()
    lots = d["lot_ids"]

    dev_idx, test_idx = lot_split(lots, cfg["test_frac"], cfg["seed"])
    tr_rel, va_rel = lot_split(lots[dev_idx], cfg["val_frac"], cfg["seed"])
    tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]

    mb = cfg["micro_batch"]
    train_dl = DataLoader(TensorDataset(X[tr_idx], y[tr_idx]), batch_size=mb, shuffle=True, drop_last=True)
    val_dl = DataLoader(TensorDataset(X[va_idx], y[va_idx]), batch_size=256)
    test_dl = DataLoader(TensorDataset(X[test_idx], y[test_idx]), batch_size=256)

    model = WaferClassifier(cfg["n_classes"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.05)
    scaler = torch.cuda.amp.GradScaler(enabled=device == "cuda")
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    accum = cfg["accum_steps"]

    best = -1.0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (xb, yb) in enumerate(train_dl, start=1):
            xb, yb = xb.to(device), yb.to(device)
            with torch.autocast(device_type=device, enabled=device == "cuda"):
                loss = criterion(model(xb), yb) / accum
            scaler.scale(loss).backward()
            if step % accum == 0:
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
        val_f1 = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} val macro-F1 {val_f1:.4f}")
        if val_f1 > best:
            best = val_f1
            torch.save(model.state_dict(), cfg["ckpt"])

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    print(f"best val macro-F1 {best:.4f} | test macro-F1 {evaluate(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
