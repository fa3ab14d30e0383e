"""NWPU-RESISC45 scene classification with a Swin-T backbone.

Uses the published train/val/test image lists (resisc45-{train,val,test}.txt). Large images and a
small GPU, so an effective batch of 128 is built from 4 accumulated micro-batches of 32.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score
from timm.data import create_transform, resolve_data_config
from torch.utils.data import DataLoader, Dataset


class Resisc45(Dataset):
    def __init__(self, root, split, transform):
        root = Path(root)
        names = (root / f"resisc45-{split}.txt").read_text().split()
        self.classes = sorted(p.name for p in (root / "NWPU-RESISC45").iterdir() if p.is_dir())
        self.items = [(root / "NWPU-RESISC45" / n.rsplit("_", 1)[0] / n, self.classes.index(n.rsplit("_", 1)[0]))
                      for n in names]
        self.transform = transform

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        return self.transform(Image.open(path).convert("RGB")), label


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_epoch(model, loader, criterion, optimizer, accum_steps, device):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for step, (x, y) in enumerate(loader, start=1):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        loss = criterion(model(x), y) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if step % accum_steps == 0 or step == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return total / len(loader)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return {"acc": accuracy_score(y, p), "macro_f1": f1_score(y, p, average="macro"), "kappa": cohen_kappa_score(y, p)}


def main(args):
    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = timm.create_model("swin_tiny_patch4_window7_224.ms_in22k_ft_in1k", pretrained=True, num_classes=45)
    data_cfg = resolve_data_config({}, model=model)
    train_tf = create_transform(**data_cfg, is_training=True, auto_augment="rand-m7-mstd0.5", vflip=0.5)
    eval_tf = create_transform(**data_cfg, is_training=False)

    train_set = Resisc45(args.root, "train", train_tf)
    val_set = Resisc45(args.root, "val", eval_tf)
    test_set = Resisc45(args.root, "test", eval_tf)
    train_dl = DataLoader(train_set, batch_size=args.micro_batch, shuffle=True, num_workers=8, drop_last=True)
    val_dl = DataLoader(val_set, batch_size=128, num_workers=8)
    test_dl = DataLoader(test_set, batch_size=128, num_workers=8)

    model.to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs, eta_min=1e-6)

    best, patience_left = -1.0, args.patience
    for epoch in range(args.epochs):
        loss = train_epoch(model, train_dl, criterion, optimizer, args.accum_steps, device)
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch + 1:02d} loss={loss:.4f} " + " ".join(f"val_{k}={v:.4f}" for k, v in val.items()))
        if val["macro_f1"] > best:
            best, patience_left = val["macro_f1"], args.patience
            torch.save(model.state_dict(), args.checkpoint)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(args.checkpoint, map_location=device))
    test = evaluate(model, test_dl, device)
    train_labels = np.array([label for _, label in train_set.items])
    majority = np.bincount(train_labels).argmax()
    test_labels = np.array([label for _, label in test_set.items])
    baseline = {"acc": accuracy_score(test_labels, np.full_like(test_labels, majority)),
                "macro_f1": f1_score(test_labels, np.full_like(test_labels, majority), average="macro")}
    print(json.dumps({"test": test, "majority_baseline": baseline}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/resisc45")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--micro-batch", type=int, default=32)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=45)
    ap.add_argument("--checkpoint", default="swin_t_resisc45.pt")
    main(ap.parse_args())
