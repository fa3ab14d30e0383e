"""Carvana image masking: smp U-Net with an EfficientNet encoder.

Each car (id) is photographed from 16 angles, so train/val/test are split by car id.
Input normalisation uses the encoder's ImageNet statistics (fixed constants, nothing fitted).
"""
import argparse
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from albumentations.pytorch import ToTensorV2
from segmentation_models_pytorch.encoders import get_preprocessing_params
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset


class CarvanaDS(Dataset):
    def __init__(self, df, root, tf):
        self.names, self.root, self.tf = df["img"].tolist(), Path(root), tf

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        name = self.names[i]
        img = cv2.cvtColor(cv2.imread(str(self.root / "train" / f"{name}.jpg")), cv2.COLOR_BGR2RGB)
        msk = cv2.imread(str(self.root / "train_masks_png" / f"{name}_mask.png"), cv2.IMREAD_GRAYSCALE)
        out = self.tf(image=img, mask=(msk > 0).astype(np.float32))
        return out["image"], out["mask"][None]


def dice_on(model, loader, device):
    model.eval()
    scores = []
    with torch.no_grad():
        for x, y in loader:
            p = (model(x.to(device)).sigmoid() > 0.5).float().cpu()
            inter = (p * y).sum((1, 2, 3))
            scores.append((2 * inter / (p.sum((1, 2, 3)) + y.sum((1, 2, 3))).clamp(min=1e-6)))
    return torch.cat(scores).mean().item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/carvana")
    ap.add_argument("--encoder", default="efficientnet-b2")
    ap.add_argument("--size", type=int, nargs=2, default=[640, 960])
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(Path(args.root) / "train_masks.csv")
    df["img"] = df["img"].str.replace(".jpg", "", regex=False)
    df["car_id"] = df["img"].str.split("_").str[0]
    outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
    dev_idx, test_idx = next(outer.split(df, groups=df.car_id))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev.car_id))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

    pp = get_preprocessing_params(args.encoder, pretrained="imagenet")
    norm = A.Normalize(mean=pp["mean"], std=pp["std"], max_pixel_value=255.0)
    h, w = args.size
    train_tf = A.Compose([
        A.Resize(h, w),
        A.HorizontalFlip(p=0.5),
        A.ShiftScaleRotate(shift_limit=0.05, scale_limit=0.1, rotate_limit=5, border_mode=cv2.BORDER_CONSTANT, p=0.5),
        A.RandomBrightnessContrast(p=0.3),
        A.HueSaturationValue(hue_shift_limit=10, p=0.3),
        norm, ToTensorV2(),
    ])
    eval_tf = A.Compose([A.Resize(h, w), norm, ToTensorV2()])

    dl = lambda d, tf, sh: DataLoader(CarvanaDS(d, args.root, tf), batch_size=8, shuffle=sh, num_workers=6)
    train_dl, val_dl, test_dl = dl(train, train_tf, True), dl(val, eval_tf, False), dl(test, eval_tf, False)

    model = smp.Unet(args.encoder, encoder_weights="imagenet", classes=1).to(device)
    loss_fn = smp.losses.DiceLoss("binary")
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)

    best = 0.0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        sched.step()
        val_dice = dice_on(model, val_dl, device)
        print(f"epoch {epoch + 1:02d} loss {loss.item():.4f} val dice {val_dice:.5f}")
        if val_dice > best:
            best = val_dice
            torch.save(model.state_dict(), f"unet_{args.encoder}_carvana.pth")

    model.load_state_dict(torch.load(f"unet_{args.encoder}_carvana.pth", map_location=device))
    print(f"cars held out: {test.car_id.nunique()} | test dice {dice_on(model, test_dl, device):.5f}")


if __name__ == "__main__":
    main()
