"""U-Net for building/road segmentation on aerial tiles.

Splits are geographic (see splits/README.txt): one held-out city for validation,
another for the final test.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from src.segkit.data import CLASSES, Tiles
from src.segkit.metrics import ConfusionMeter
from src.segkit.unet import UNet


def evaluate(model, loader, device):
    meter = ConfusionMeter(len(CLASSES))
    model.eval()
    with torch.no_grad():
        for img, mask in loader:
            meter.update(model(img.to(device)).argmax(1).cpu(), mask)
    return meter.compute()


def all_background_baseline(loader):
    meter = ConfusionMeter(len(CLASSES))
    for _, mask in loader:
        meter.update(torch.zeros_like(mask), mask)
    return meter.compute()


def dice_loss(logits, target, eps=1.0):
    probs = logits.softmax(1)
    onehot = F.one_hot(target, probs.shape[1]).permute(0, 3, 1, 2).float()
    inter = (probs * onehot).sum((0, 2, 3))
    denom = probs.sum((0, 2, 3)) + onehot.sum((0, 2, 3))
    return 1 - ((2 * inter + eps) / (denom + eps)).mean()


def main(opt):
    random.seed(opt.seed)
    np.random.seed(opt.seed)
    torch.manual_seed(opt.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl = DataLoader(Tiles(opt.root, "splits/train.txt", flip=True), batch_size=opt.bs, shuffle=True,
                          num_workers=4, generator=torch.Generator().manual_seed(opt.seed))
    val_dl = DataLoader(Tiles(opt.root, "splits/val.txt"), batch_size=opt.bs, num_workers=4)
    test_dl = DataLoader(Tiles(opt.root, "splits/test.txt"), batch_size=opt.bs, num_workers=4)

    print("all-background baseline (val):", all_background_baseline(val_dl))

    model = UNet(n_classes=len(CLASSES)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opt.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)
    ckpt_dir = Path(opt.ckpt_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)

    best_miou, epochs_no_gain = 0.0, 0
    for epoch in range(opt.epochs):
        model.train()
        for img, mask in train_dl:
            img, mask = img.to(device), mask.to(device)
            optimizer.zero_grad()
            logits = model(img)
            loss = F.cross_entropy(logits, mask) + dice_loss(logits, mask)
            loss.backward()
            optimizer.step()
        val = evaluate(model, val_dl, device)
        scheduler.step(val["miou"])
        print(f"epoch {epoch}: val mIoU {val['miou']:.4f} pixel acc {val['pixel_acc']:.4f}")
        torch.save(model.state_dict(), ckpt_dir / "last.pt")
        if val["miou"] > best_miou:
            best_miou, epochs_no_gain = val["miou"], 0
            torch.save(model.state_dict(), ckpt_dir / "best.pt")
        else:
            epochs_no_gain += 1
            if epochs_no_gain >= opt.patience:
                break

    model.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print("test:", test)
    (ckpt_dir / "test_metrics.json").write_text(json.dumps({"best_val_miou": best_miou, "test": test}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/aerial_tiles")
    ap.add_argument("--bs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--ckpt-dir", dest="ckpt_dir", default="checkpoints/unet")
    main(ap.parse_args())
