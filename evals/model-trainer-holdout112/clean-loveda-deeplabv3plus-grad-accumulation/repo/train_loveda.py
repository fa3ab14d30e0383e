"""LoveDA (urban + rural) land-cover segmentation with DeepLabV3+ / ResNet-101.

1024x1024 tiles, 7 classes (0 = no-data is ignored). GPU fits 2 tiles per step, so gradients are
accumulated over `--accum` steps. Official Test labels are not public, so the official Val split is our
test set and 10% of the Train tiles are held out for model selection.
"""
import argparse
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import segmentation_models_pytorch as smp
import torch
import torch.nn.functional as F
from albumentations.pytorch import ToTensorV2
from torch.utils.data import DataLoader, Dataset

CLASSES = ["background", "building", "road", "water", "barren", "forest", "agriculture"]


def list_tiles(root, split):
    items = []
    for domain in ["Urban", "Rural"]:
        for img in sorted((Path(root) / split / domain / "images_png").glob("*.png")):
            items.append((img, img.parent.parent / "masks_png" / img.name))
    return items


class LoveDA(Dataset):
    def __init__(self, items, transform):
        self.items = items
        self.transform = transform

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        img_p, msk_p = self.items[i]
        img = cv2.cvtColor(cv2.imread(str(img_p)), cv2.COLOR_BGR2RGB)
        msk = cv2.imread(str(msk_p), cv2.IMREAD_GRAYSCALE)
        out = self.transform(image=img, mask=msk)
        return out["image"], out["mask"].long() - 1  # 0 = no-data -> ignore index -1


def miou(model, loader, device, n=len(CLASSES)):
    model.eval()
    hist = torch.zeros(n, n, dtype=torch.long)
    with torch.inference_mode():
        for x, y in loader:
            with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=torch.cuda.is_available()):
                pred = model(x.to(device)).argmax(1).cpu()
            keep = y >= 0
            hist += torch.bincount(n * y[keep] + pred[keep], minlength=n * n).reshape(n, n)
    iou = hist.diag() / (hist.sum(0) + hist.sum(1) - hist.diag()).clamp(min=1)
    return iou.mean().item(), iou


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/LoveDA")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--bs", type=int, default=2)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--val-fraction", type=float, default=0.1)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    norm = [A.Normalize(), ToTensorV2()]
    train_tf = A.Compose([
        A.RandomScale((-0.25, 0.25)),
        A.PadIfNeeded(1024, 1024, border_mode=cv2.BORDER_CONSTANT, value=0, mask_value=0),
        A.RandomCrop(1024, 1024), A.HorizontalFlip(), A.VerticalFlip(), A.RandomRotate90(),
        *norm,
    ])
    eval_tf = A.Compose(norm)

    tiles = list_tiles(args.root, "Train")
    perm = np.random.default_rng(args.seed).permutation(len(tiles))
    n_val = int(args.val_fraction * len(tiles))
    val_items = [tiles[i] for i in perm[:n_val]]
    train_items = [tiles[i] for i in perm[n_val:]]
    train_dl = DataLoader(LoveDA(train_items, train_tf), batch_size=args.bs, shuffle=True,
                          num_workers=4, drop_last=True)
    val_dl = DataLoader(LoveDA(val_items, eval_tf), batch_size=2, num_workers=4)
    test_dl = DataLoader(LoveDA(list_tiles(args.root, "Val"), eval_tf), batch_size=2, num_workers=4)

    model = smp.DeepLabV3Plus("resnet101", encoder_weights="imagenet", classes=len(CLASSES)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    steps_per_epoch = len(train_dl) // args.accum
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr * 6,
                                                    total_steps=args.epochs * steps_per_epoch)
    scaler = torch.cuda.amp.GradScaler(enabled=(device == "cuda"))

    best = 0.0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=(device == "cuda")):
                loss = F.cross_entropy(model(x), y, ignore_index=-1) / args.accum
            scaler.scale(loss).backward()
            if (step + 1) % args.accum == 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                scheduler.step()
        val_miou, _ = miou(model, val_dl, device)
        print(f"epoch {epoch + 1:02d}/{args.epochs} loss {loss.item() * args.accum:.4f} val mIoU {val_miou:.4f}")
        if val_miou > best:
            best = val_miou
            torch.save(model.state_dict(), "deeplabv3plus_r101_loveda.pt")

    model.load_state_dict(torch.load("deeplabv3plus_r101_loveda.pt", map_location=device))
    test_miou, per_class = miou(model, test_dl, device)
    print(f"val mIoU (best) {best:.4f} | test (official Val) mIoU {test_miou:.4f}")
    for c, v in zip(CLASSES, per_class.tolist()):
        print(f"  {c:<12s} {v:.3f}")


if __name__ == "__main__":
    main()
