"""Crack segmentation on concrete / pavement photos with DeepLabV3+.

High-resolution inputs only fit 4 images per step, so gradients are accumulated over
`accum_steps` micro-batches (effective batch 32) under fp16 autocast.
"""
import json
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
import yaml
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset

cfg = yaml.safe_load(open("crack.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
torch.cuda.manual_seed_all(cfg["seed"])
NORM = A.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))


class CrackSet(Dataset):
    def __init__(self, df, train):
        self.df = df.reset_index(drop=True)
        size = cfg["image_size"]
        aug = [A.RandomResizedCrop(size, size, scale=(0.5, 1.0)), A.HorizontalFlip(), A.VerticalFlip(),
               A.RandomBrightnessContrast(p=0.4), A.GaussNoise(p=0.2)] if train else [A.Resize(size, size)]
        self.tf = A.Compose(aug + [NORM])

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        img = cv2.cvtColor(cv2.imread(r.image), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(r.mask, cv2.IMREAD_GRAYSCALE) > 0).astype(np.float32)
        out = self.tf(image=img, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"])[None]


@torch.no_grad()
def collect_probs(model, loader, device):
    model.eval()
    probs, gts = [], []
    for x, y in loader:
        with torch.autocast("cuda", dtype=torch.float16):
            probs.append(torch.sigmoid(model(x.to(device))).float().cpu())
        gts.append(y.bool())
    return torch.cat(probs), torch.cat(gts)


def prf_iou(pred, gt):
    tp = (pred & gt).sum().item()
    fp = (pred & ~gt).sum().item()
    fn = (~pred & gt).sum().item()
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(p + r, 1e-8), "iou": tp / max(tp + fp + fn, 1)}


def best_threshold(probs, gts, grid=np.linspace(0.1, 0.9, 17)):
    f1s = [prf_iou(probs > t, gts)["f1"] for t in grid]
    return float(grid[int(np.argmax(f1s))]), float(max(f1s))


def adaptive_threshold_baseline(df):
    preds, gts = [], []
    for r in df.itertuples():
        gray = cv2.resize(cv2.imread(r.image, cv2.IMREAD_GRAYSCALE), (cfg["image_size"],) * 2)
        dark = cv2.adaptiveThreshold(gray, 1, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, 31, 15)
        gt = cv2.resize(cv2.imread(r.mask, cv2.IMREAD_GRAYSCALE), (cfg["image_size"],) * 2,
                        interpolation=cv2.INTER_NEAREST) > 0
        preds.append(torch.from_numpy(dark.astype(bool)))
        gts.append(torch.from_numpy(gt))
    return prf_iou(torch.stack(preds), torch.stack(gts))


def main():
    device = torch.device("cuda")
    df = pd.read_csv(cfg["data_csv"])
    split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"])
    dev_idx, test_idx = next(split.split(df, groups=df.site))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    tr_idx, va_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"]).split(dev, groups=dev.site))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

    train_loader = DataLoader(CrackSet(train, True), batch_size=cfg["micro_batch"], shuffle=True, num_workers=6)
    val_loader = DataLoader(CrackSet(val, False), batch_size=8, num_workers=6)
    test_loader = DataLoader(CrackSet(test, False), batch_size=8, num_workers=6)

    model = smp.DeepLabV3Plus("resnet50", encoder_weights="imagenet", classes=1).to(device)
    criterion = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([5.0], device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["max_lr"] / 25, weight_decay=1e-4)
    updates_per_epoch = -(-len(train_loader) // cfg["accum_steps"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["max_lr"], epochs=cfg["epochs"],
                                                    steps_per_epoch=updates_per_epoch)
    scaler = torch.cuda.amp.GradScaler()

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_loader):
            x, y = x.to(device), y.to(device)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(x)
                loss = (criterion(logits, y) + bce(logits, y)) / cfg["accum_steps"]
            scaler.scale(loss).backward()
            if (step + 1) % cfg["accum_steps"] == 0 or step + 1 == len(train_loader):
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["clip_norm"])
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                scheduler.step()

        thr, val_f1 = best_threshold(*collect_probs(model, val_loader, device))
        print(f"epoch {epoch}: val F1 {val_f1:.4f} @ {thr:.2f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save({"state_dict": model.state_dict(), "threshold": thr}, out / "best.pt")
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    ckpt = torch.load(out / "best.pt", map_location=device)
    model.load_state_dict(ckpt["state_dict"])
    probs, gts = collect_probs(model, test_loader, device)
    report = {"threshold_from_val": ckpt["threshold"],
              "deeplabv3plus": prf_iou(probs > ckpt["threshold"], gts),
              "adaptive_threshold_baseline": adaptive_threshold_baseline(test)}
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
