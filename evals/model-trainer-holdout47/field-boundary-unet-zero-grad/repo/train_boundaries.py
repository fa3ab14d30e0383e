"""Field boundary delineation from Sentinel-2 (B02, B03, B04, B08) chips."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

from unet import UNet

# Sentinel-2 L2A surface reflectance, fixed scaling per the ESA product spec
REFLECTANCE_SCALE = 10000.0


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_split(npz_path, tile_ids):
    data = np.load(npz_path)
    keep = np.isin(data["tile_id"], tile_ids)
    x = np.clip(data["chips"][keep].astype(np.float32) / REFLECTANCE_SCALE, 0.0, 1.0)
    y = data["boundary_mask"][keep].astype(np.float32)[:, None]
    return TensorDataset(torch.from_numpy(x), torch.from_numpy(y))


def dice_bce(logits, target, smooth=1.0):
    bce = nn.functional.binary_cross_entropy_with_logits(logits, target)
    prob = torch.sigmoid(logits)
    inter = (prob * target).sum(dim=(2, 3))
    dice = 1 - (2 * inter + smooth) / (prob.sum(dim=(2, 3)) + target.sum(dim=(2, 3)) + smooth)
    return bce + dice.mean()


@torch.no_grad()
def evaluate(model, loader, device, threshold=0.5):
    model.eval()
    tp = fp = fn = 0.0
    loss_sum, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss_sum += dice_bce(logits, y).item() * x.size(0)
        n += x.size(0)
        pred = (torch.sigmoid(logits) > threshold).float()
        tp += (pred * y).sum().item()
        fp += (pred * (1 - y)).sum().item()
        fn += ((1 - pred) * y).sum().item()
    iou = tp / max(tp + fp + fn, 1.0)
    f1 = 2 * tp / max(2 * tp + fp + fn, 1.0)
    return loss_sum / n, iou, f1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chips", default="data/s2_chips_256.npz")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=7)
    ap.add_argument("--out", default="checkpoints/unet_boundaries.pt")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    # split by Sentinel-2 tile so neighbouring chips never straddle train/test
    tiles = np.unique(np.load(args.chips)["tile_id"])
    rng = np.random.default_rng(args.seed)
    rng.shuffle(tiles)
    n_val, n_test = max(1, len(tiles) // 10), max(1, len(tiles) // 10)
    test_tiles, val_tiles, train_tiles = tiles[:n_test], tiles[n_test:n_test + n_val], tiles[n_test + n_val:]

    train_loader = DataLoader(load_split(args.chips, train_tiles), batch_size=args.batch_size, shuffle=True)
    val_loader = DataLoader(load_split(args.chips, val_tiles), batch_size=args.batch_size)
    test_loader = DataLoader(load_split(args.chips, test_tiles), batch_size=args.batch_size)

    model = UNet(in_ch=4, n_classes=1).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=3)

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    best_val, wait = float("inf"), 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = dice_bce(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * x.size(0)
        train_loss = running / len(train_loader.dataset)
        val_loss, val_iou, val_f1 = evaluate(model, val_loader, device)
        scheduler.step(val_loss)
        print(f"epoch {epoch:02d} train {train_loss:.4f} val {val_loss:.4f} IoU {val_iou:.3f} F1 {val_f1:.3f}")
        if val_loss < best_val:
            best_val, wait = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch}, args.out)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.out, map_location=device)["model"])
    test_loss, test_iou, test_f1 = evaluate(model, test_loader, device)
    print(f"TEST loss {test_loss:.4f} boundary IoU {test_iou:.3f} F1 {test_f1:.3f}")


if __name__ == "__main__":
    main()
