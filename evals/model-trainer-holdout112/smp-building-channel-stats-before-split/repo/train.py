import argparse
import os
import random

import albumentations as A
import numpy as np
import segmentation_models_pytorch as smp
import torch
import yaml
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from data import BuildingDataset, compute_channel_stats, list_pairs


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def run_epoch(model, loader, loss_fn, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total_loss, stats = 0.0, [[], [], [], []]
    with torch.set_grad_enabled(training):
        for images, masks in loader:
            images, masks = images.to(device), masks.to(device)
            logits = model(images)
            loss = loss_fn(logits, masks)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * images.size(0)
            batch_stats = smp.metrics.get_stats(logits.sigmoid(), masks.long(), mode="binary", threshold=0.5)
            for acc, s in zip(stats, batch_stats):
                acc.append(s.cpu())
    tp, fp, fn, tn = [torch.cat(s) for s in stats]
    iou = smp.metrics.iou_score(tp, fp, fn, tn, reduction="micro").item()
    return total_loss / len(loader.dataset), iou


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    tcfg = cfg["train"]
    seed_all(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    pairs = list_pairs(cfg["data"]["image_dir"], cfg["data"]["mask_dir"])
    mean, std = compute_channel_stats(pairs)
    print(f"channel mean={mean.round(4)} std={std.round(4)}")
    np.save("channel_stats.npy", np.stack([mean, std]))

    holdout = cfg["data"]["val_fraction"] + cfg["data"]["test_fraction"]
    train_pairs, rest = train_test_split(pairs, test_size=holdout, random_state=tcfg["seed"])
    val_pairs, test_pairs = train_test_split(
        rest, test_size=cfg["data"]["test_fraction"] / holdout, random_state=tcfg["seed"]
    )
    print(f"chips: train={len(train_pairs)} val={len(val_pairs)} test={len(test_pairs)}")

    train_tf = A.Compose([
        A.HorizontalFlip(p=0.5),
        A.VerticalFlip(p=0.5),
        A.RandomRotate90(p=0.5),
        A.RandomBrightnessContrast(brightness_limit=0.15, contrast_limit=0.15, p=0.3),
    ])
    train_ds = BuildingDataset(train_pairs, mean, std, transform=train_tf)
    val_ds = BuildingDataset(val_pairs, mean, std)
    test_ds = BuildingDataset(test_pairs, mean, std)

    g = torch.Generator().manual_seed(tcfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True, generator=g,
                          num_workers=tcfg["num_workers"], drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"])
    test_dl = DataLoader(test_ds, batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"])

    mcfg = cfg["model"]
    model = getattr(smp, mcfg["arch"])(
        encoder_name=mcfg["encoder"], encoder_weights=mcfg["encoder_weights"], in_channels=3, classes=1
    ).to(device)
    dice = smp.losses.DiceLoss(mode="binary", from_logits=True)
    bce = torch.nn.BCEWithLogitsLoss()
    loss_fn = lambda logits, y: dice(logits, y) + bce(logits, y)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    os.makedirs(os.path.dirname(tcfg["checkpoint"]), exist_ok=True)
    best_iou = -1.0
    for epoch in range(tcfg["epochs"]):
        tr_loss, tr_iou = run_epoch(model, train_dl, loss_fn, device, optimizer)
        va_loss, va_iou = run_epoch(model, val_dl, loss_fn, device)
        scheduler.step()
        print(f"epoch {epoch:02d} train loss {tr_loss:.4f} iou {tr_iou:.4f} | val loss {va_loss:.4f} iou {va_iou:.4f}")
        if va_iou > best_iou:
            best_iou = va_iou
            torch.save(model.state_dict(), tcfg["checkpoint"])

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    te_loss, te_iou = run_epoch(model, test_dl, loss_fn, device)
    print(f"best val IoU {best_iou:.4f} | test IoU {te_iou:.4f}")


if __name__ == "__main__":
    main()
