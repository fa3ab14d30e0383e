"""Massachusetts Roads - UNet++ (smp) on 1500x1500 tiles, random 512 crops.

Large encoder + big crops -> batch of 4 per step, gradients accumulated to an effective batch of 16.
"""
import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import segmentation_models_pytorch as smp
import torch
from albumentations.pytorch import ToTensorV2
from torch.utils.data import DataLoader, Dataset


@dataclass
class Config:
    root: str = "data/massachusetts-roads"
    encoder: str = "efficientnet-b4"
    crop: int = 512
    batch_size: int = 4
    accum_steps: int = 4
    epochs: int = 60
    lr: float = 3e-4
    seed: int = 21


class RoadTiles(Dataset):
    def __init__(self, root, split, transform):
        self.images = sorted((Path(root) / split).glob("*.tiff"))
        self.masks_dir = Path(root) / f"{split}_labels"
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(str(self.images[i])), cv2.COLOR_BGR2RGB)
        mask = cv2.imread(str(self.masks_dir / (self.images[i].stem + ".tif")), cv2.IMREAD_GRAYSCALE)
        out = self.transform(image=img, mask=(mask > 0).astype(np.float32))
        return out["image"], out["mask"][None]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def road_iou(model, loader, device):
    model.eval()
    tp = fp = fn = 0
    for x, y in loader:
        p = (model(x.to(device)).sigmoid() > 0.5).float().cpu()
        tp += (p * y).sum().item()
        fp += (p * (1 - y)).sum().item()
        fn += ((1 - p) * y).sum().item()
    return tp / max(tp + fp + fn, 1.0)


def main():
    parser = argparse.ArgumentParser()
    for field, default in vars(Config()).items():
        parser.add_argument(f"--{field}", type=type(default), default=default)
    cfg = Config(**vars(parser.parse_args()))
    seed_everything(cfg.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    norm = A.Normalize()
    train_tf = A.Compose([A.RandomCrop(cfg.crop, cfg.crop), A.HorizontalFlip(), A.VerticalFlip(),
                          A.RandomRotate90(), A.RandomBrightnessContrast(p=0.3), norm, ToTensorV2()])
    eval_tf = A.Compose([A.PadIfNeeded(1504, 1504, border_mode=cv2.BORDER_REFLECT_101), norm, ToTensorV2()])
    train_dl = DataLoader(RoadTiles(cfg.root, "train", train_tf), batch_size=cfg.batch_size,
                          shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(RoadTiles(cfg.root, "val", eval_tf), batch_size=1)
    test_dl = DataLoader(RoadTiles(cfg.root, "test", eval_tf), batch_size=1)

    model = smp.UnetPlusPlus(cfg.encoder, encoder_weights="imagenet", classes=1).to(device)
    criterion = smp.losses.DiceLoss("binary", from_logits=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(
        optimizer, T_max=cfg.epochs * len(train_dl) // cfg.accum_steps)
    scaler = torch.cuda.amp.GradScaler(enabled=(device == "cuda"))

    best = 0.0
    for epoch in range(cfg.epochs):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            with torch.autocast(device_type="cuda", enabled=(device == "cuda")):
                loss = criterion(model(x), y) / cfg.accum_steps
            scaler.scale(loss).backward()
            if (step + 1) % cfg.accum_steps == 0:
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()
        val_iou = road_iou(model, val_dl, device)
        print(f"epoch {epoch + 1:02d} last loss {loss.item() * cfg.accum_steps:.4f} val IoU {val_iou:.4f}")
        if val_iou > best:
            best = val_iou
            torch.save(model.state_dict(), f"unetpp_{cfg.encoder}_roads.pt")

    model.load_state_dict(torch.load(f"unetpp_{cfg.encoder}_roads.pt", map_location=device))
    print(f"best val IoU {best:.4f} | test IoU {road_iou(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
