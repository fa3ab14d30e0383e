"""Train a U-Net for gland segmentation on H&E patches.

usage: python train.py --config config.yaml
"""
import argparse
import json
import random
from pathlib import Path

import albumentations as A
import numpy as np
import segmentation_models_pytorch as smp
import torch
import yaml
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from histoseg.data import GlandPatchDataset, compute_channel_stats, load_patch_index


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def dice_iou(logits, masks, threshold=0.5, eps=1e-6):
    preds = (torch.sigmoid(logits) > threshold).float()
    inter = (preds * masks).sum(dim=(1, 2, 3))
    total = preds.sum(dim=(1, 2, 3)) + masks.sum(dim=(1, 2, 3))
    dice = (2 * inter + eps) / (total + eps)
    iou = (inter + eps) / (total - inter + eps)
    return dice.mean().item(), iou.mean().item()


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    losses, dices, ious = [], [], []
    for images, masks in loader:
        images, masks = images.to(device), masks.to(device)
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            logits = model(images)
            loss = loss_fn(logits, masks)
        d, i = dice_iou(logits.float(), masks)
        losses.append(loss.item())
        dices.append(d)
        ious.append(i)
    return float(np.mean(losses)), float(np.mean(dices)), float(np.mean(ious))


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda")
    df = load_patch_index(cfg["data_root"])
    print(f"{len(df)} patches from {df.patient_id.nunique()} patients")

    mean, std = compute_channel_stats(df.image_path.tolist())
    print("channel mean", mean, "std", std)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"])
    trainval_idx, test_idx = next(gss.split(df, groups=df.patient_id))
    trainval_df, test_df = df.iloc[trainval_idx], df.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=cfg["seed"])
    train_idx, val_idx = next(gss_val.split(trainval_df, groups=trainval_df.patient_id))
    train_df, val_df = trainval_df.iloc[train_idx], trainval_df.iloc[val_idx]

    train_tf = A.Compose([
        A.HorizontalFlip(p=0.5),
        A.VerticalFlip(p=0.5),
        A.RandomRotate90(p=0.5),
        A.HueSaturationValue(hue_shift_limit=8, sat_shift_limit=15, val_shift_limit=10, p=0.5),
    ])
    train_ds = GlandPatchDataset(train_df, mean, std, transform=train_tf)
    val_ds = GlandPatchDataset(val_df, mean, std)
    test_ds = GlandPatchDataset(test_df, mean, std)
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=8, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=cfg["batch_size"], num_workers=8)
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=8)

    model = smp.Unet(cfg["encoder"], encoder_weights="imagenet", in_channels=3, classes=1).to(device)
    dice_loss = smp.losses.DiceLoss(mode="binary")
    bce = torch.nn.BCEWithLogitsLoss()

    def loss_fn(logits, masks):
        return dice_loss(logits, masks) + bce(logits, masks)

    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])
    scaler = torch.cuda.amp.GradScaler()

    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best_dice, bad_epochs = 0.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for images, masks in train_loader:
            images, masks = images.to(device), masks.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast(device_type="cuda", dtype=torch.float16):
                loss = loss_fn(model(images), masks)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        scheduler.step()

        val_loss, val_dice, val_iou = evaluate(model, val_loader, loss_fn, device)
        print(f"epoch {epoch:02d} val_loss={val_loss:.4f} dice={val_dice:.4f} iou={val_iou:.4f}")
        if val_dice > best_dice:
            best_dice, bad_epochs = val_dice, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    _, test_dice, test_iou = evaluate(model, test_loader, loss_fn, device)
    print(f"test dice={test_dice:.4f} iou={test_iou:.4f}")
    with open(out_dir / "metrics.json", "w") as f:
        json.dump({"test_dice": test_dice, "test_iou": test_iou,
                   "norm_mean": mean.tolist(), "norm_std": std.tolist()}, f, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        main(yaml.safe_load(f))
