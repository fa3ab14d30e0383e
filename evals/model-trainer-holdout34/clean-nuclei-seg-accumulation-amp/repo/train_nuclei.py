"""Nuclei semantic segmentation (DSB-2018 style) with smp U-Net.

Effective batch 32 = 8 per step x 4 accumulation steps, fp16 autocast, OneCycle schedule
stepped once per optimizer update. Mask threshold is chosen on the validation split.
"""
import argparse
import json
import logging
import os
import random

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from skimage.filters import threshold_otsu
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset

log = logging.getLogger(__name__)


def seed_everything(seed: int):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class NucleiDS(Dataset):
    def __init__(self, frame, tfm):
        self.img_paths, self.mask_paths = frame.image_path.tolist(), frame.mask_path.tolist()
        self.tfm = tfm

    def __len__(self):
        return len(self.img_paths)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(self.img_paths[i]), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(self.mask_paths[i], cv2.IMREAD_GRAYSCALE) > 0).astype(np.float32)
        out = self.tfm(image=img, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"])[None]


def get_tfms(train: bool):
    norm = A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))
    if not train:
        return A.Compose([A.PadIfNeeded(256, 256, border_mode=cv2.BORDER_REFLECT), A.CenterCrop(256, 256), norm])
    return A.Compose([
        A.PadIfNeeded(256, 256, border_mode=cv2.BORDER_REFLECT),
        A.RandomCrop(256, 256),
        A.RandomRotate90(),
        A.HorizontalFlip(),
        A.OneOf([A.GaussianBlur(), A.GaussNoise()], p=0.3),
        A.HueSaturationValue(p=0.3),
        norm,
    ])


def collect(model, loader, device):
    """Sigmoid probabilities and masks for a whole loader, model in eval mode."""
    model.eval()
    probs, masks = [], []
    with torch.inference_mode():
        for x, y in loader:
            with torch.autocast("cuda", dtype=torch.float16):
                probs.append(torch.sigmoid(model(x.to(device))).float().cpu())
            masks.append(y)
    return torch.cat(probs), torch.cat(masks)


def seg_scores(prob, mask, thr):
    pred = (prob > thr).float()
    tp = (pred * mask).sum((1, 2, 3))
    fp = (pred * (1 - mask)).sum((1, 2, 3))
    fn = ((1 - pred) * mask).sum((1, 2, 3))
    dice = (2 * tp + 1) / (2 * tp + fp + fn + 1)
    iou = (tp + 1) / (tp + fp + fn + 1)
    return {"dice": dice.mean().item(), "iou": iou.mean().item(),
            "pixel_precision": (tp.sum() / (tp.sum() + fp.sum())).item(),
            "pixel_recall": (tp.sum() / (tp.sum() + fn.sum())).item()}


def otsu_baseline(frame):
    """Classical baseline: Otsu threshold on grey intensity (inverted for bright-field)."""
    dices = []
    for ip, mp, modality in zip(frame.image_path, frame.mask_path, frame.modality):
        grey = cv2.imread(ip, cv2.IMREAD_GRAYSCALE)
        gt = cv2.imread(mp, cv2.IMREAD_GRAYSCALE) > 0
        fg = grey > threshold_otsu(grey)
        if modality == "brightfield":
            fg = ~fg
        dices.append((2 * (fg & gt).sum() + 1) / (fg.sum() + gt.sum() + 1))
    return float(np.mean(dices))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default="data/dsb2018/index.csv")  # image_path, mask_path, modality
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--micro-bs", type=int, default=8)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--out", default="runs/nuclei_unet")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    seed_everything(args.seed)
    os.makedirs(args.out, exist_ok=True)
    device = "cuda"

    index = pd.read_csv(args.index)
    trainval, test = train_test_split(index, test_size=0.15, stratify=index.modality, random_state=args.seed)
    train, val = train_test_split(trainval, test_size=0.15, stratify=trainval.modality, random_state=args.seed)

    train_dl = DataLoader(NucleiDS(train, get_tfms(True)), batch_size=args.micro_bs, shuffle=True,
                          num_workers=6, drop_last=True)
    val_dl = DataLoader(NucleiDS(val, get_tfms(False)), batch_size=16, num_workers=6)

    model = smp.Unet("resnet34", encoder_weights="imagenet", classes=1).to(device)
    loss_fn = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    updates_per_epoch = len(train_dl) // args.accum
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                    steps_per_epoch=updates_per_epoch)
    scaler = torch.cuda.amp.GradScaler()

    best_dice, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for i, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(x)
                loss = (loss_fn(logits, y) + bce(logits, y)) / args.accum
            scaler.scale(loss).backward()
            if (i + 1) % args.accum == 0:
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                scheduler.step()
        prob, mask = collect(model, val_dl, device)
        val = seg_scores(prob, mask, 0.5)
        log.info("epoch %d  val dice %.4f  iou %.4f", epoch, val["dice"], val["iou"])
        if val["dice"] > best_dice:
            best_dice, stale = val["dice"], 0
            torch.save(model.state_dict(), f"{args.out}/best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(f"{args.out}/best.pt"))
    val_prob, val_mask = collect(model, val_dl, device)
    grid = np.round(np.arange(0.3, 0.71, 0.05), 2)
    thr = max(grid, key=lambda t: seg_scores(val_prob, val_mask, t)["dice"])
    log.info("threshold chosen on validation: %.2f", thr)

    test_dl = DataLoader(NucleiDS(test, get_tfms(False)), batch_size=16, num_workers=6)
    test_prob, test_mask = collect(model, test_dl, device)
    result = {"threshold": float(thr), "test": seg_scores(test_prob, test_mask, thr),
              "otsu_baseline_test_dice": otsu_baseline(test)}
    log.info("%s", result)
    with open(f"{args.out}/test_metrics.json", "w") as fh:
        json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
