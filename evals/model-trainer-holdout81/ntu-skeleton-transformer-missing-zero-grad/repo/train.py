import argparse
import math
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from skelformer.data import SkeletonDataset, list_samples
from skelformer.model import SkeletonTransformer


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def split_val_by_performer(train_samples, fraction, seed):
    performers = sorted({m["performer"] for _, m in train_samples})
    rng = np.random.default_rng(seed)
    held = set(rng.choice(performers, size=max(1, int(len(performers) * fraction)), replace=False))
    tr = [s for s in train_samples if s[1]["performer"] not in held]
    va = [s for s in train_samples if s[1]["performer"] in held]
    return tr, va


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        targets.append(y)
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return {"top1": float((preds == targets).mean()), "macro_f1": f1_score(targets, preds, average="macro")}


def main(cfg):
    tc = cfg["train"]
    set_seed(tc["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_samples, test_samples = list_samples(cfg["data"]["root"], cfg["data"]["benchmark"])
    train_samples, val_samples = split_val_by_performer(train_samples, tc["val_fraction"], tc["seed"])
    mf = cfg["data"]["max_frames"]
    train_loader = DataLoader(SkeletonDataset(train_samples, mf, train=True), batch_size=tc["batch_size"],
                              shuffle=True, num_workers=6, drop_last=True)
    val_loader = DataLoader(SkeletonDataset(val_samples, mf), batch_size=128, num_workers=6)
    test_loader = DataLoader(SkeletonDataset(test_samples, mf), batch_size=128, num_workers=6)

    model = SkeletonTransformer(60, cfg["data"]["num_joints"], cfg["data"]["num_persons"], mf,
                                **cfg["model"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    steps_per_epoch = len(train_loader)
    total, warmup = tc["epochs"] * steps_per_epoch, tc["warmup_epochs"] * steps_per_epoch
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: s / warmup if s < warmup else 0.5 * (1 + math.cos(math.pi * (s - warmup) / (total - warmup))))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    out_dir = Path(tc["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best, bad = -1.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), tc["grad_clip"])
            optimizer.step()
            scheduler.step()
            running += loss.item()
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch:3d} loss {running / steps_per_epoch:.4f} val {val}")
        if val["top1"] > best:
            best, bad = val["top1"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "cfg": cfg}, out_dir / "best.pt")
        else:
            bad += 1
            if bad >= tc["patience"]:
                print("early stopping")
                break

    ckpt = torch.load(out_dir / "best.pt", map_location=device)
    model.load_state_dict(ckpt["model"])
    print("x-sub test:", evaluate(model, test_loader, device))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ntu60_xsub.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        main(yaml.safe_load(f))
