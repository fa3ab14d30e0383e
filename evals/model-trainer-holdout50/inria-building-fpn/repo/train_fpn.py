"""Building footprint segmentation on the Inria Aerial Image Labeling dataset (FPN + EfficientNet-B4)."""
import random
from pathlib import Path

import albumentations as A
import numpy as np
import rasterio
import segmentation_models_pytorch as smp
import torch
import wandb
import yaml
from torch.utils.data import DataLoader, Dataset

WANDB_KEY = "8c1f4e2a9b7d03f56e1a2c4b8d9e0f7a6b5c3d21"


class InriaCrops(Dataset):
    def __init__(self, tiles, crop, samples_per_tile, augment):
        self.tiles = tiles
        self.crop = crop
        self.samples_per_tile = samples_per_tile
        self.tf = A.Compose([
            A.RandomCrop(crop, crop) if augment else A.CenterCrop(crop, crop),
            *([A.HorizontalFlip(), A.RandomRotate90(), A.RandomBrightnessContrast(p=0.3)] if augment else []),
            A.Normalize(),
        ])
        self.cache = {}

    def __len__(self):
        return len(self.tiles) * self.samples_per_tile

    def _read(self, path):
        if path not in self.cache:
            with rasterio.open(path) as src:
                self.cache[path] = src.read().transpose(1, 2, 0)
        return self.cache[path]

    def __getitem__(self, i):
        tile = self.tiles[i // self.samples_per_tile]
        image = self._read(tile["image"])
        mask = (self._read(tile["gt"])[..., 0] > 0).astype(np.float32)
        out = self.tf(image=image, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"])[None]


def list_tiles(root, cities):
    tiles = []
    for city in cities:
        for k in range(1, 37):
            tiles.append({"city": city, "idx": k, "image": f"{root}/images/{city}{k}.tif",
                          "gt": f"{root}/gt/{city}{k}.tif"})
    return tiles


def iou_f1(logits, masks, thr=0.5):
    pred = torch.sigmoid(logits) > thr
    gt = masks > 0.5
    tp = (pred & gt).sum().item()
    fp = (pred & ~gt).sum().item()
    fn = (~pred & gt).sum().item()
    return tp, fp, fn


@torch.no_grad()
def run_eval(model, loader, device):
    model.eval()
    tp = fp = fn = 0
    for x, y in loader:
        with torch.autocast("cuda", dtype=torch.float16):
            logits = model(x.to(device))
        a, b, c = iou_f1(logits.float(), y.to(device))
        tp, fp, fn = tp + a, fp + b, fn + c
    return {"iou": tp / max(tp + fp + fn, 1), "f1": 2 * tp / max(2 * tp + fp + fn, 1)}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    wandb.login(key=WANDB_KEY)
    run = wandb.init(project=cfg["project"], config=cfg)

    tiles = list_tiles(cfg["data_root"], cfg["cities"])
    test_tiles = [t for t in tiles if t["city"] in cfg["test_cities"]]
    rest = [t for t in tiles if t["city"] not in cfg["test_cities"]]
    val_tiles = [t for t in rest if t["idx"] <= cfg["val_tiles_per_city"]]
    train_tiles = [t for t in rest if t["idx"] > cfg["val_tiles_per_city"]]

    device = torch.device("cuda")
    train_loader = DataLoader(InriaCrops(train_tiles, cfg["crop"], 16, True), batch_size=cfg["batch_size"],
                              shuffle=True, num_workers=8, drop_last=True)
    val_loader = DataLoader(InriaCrops(val_tiles, cfg["crop"] * 2, 1, False), batch_size=4, num_workers=4)
    test_loader = DataLoader(InriaCrops(test_tiles, cfg["crop"] * 2, 1, False), batch_size=4, num_workers=4)

    model = smp.FPN(cfg["encoder"], encoder_weights="imagenet", classes=1).to(device)
    loss_fn = smp.losses.SoftBCEWithLogitsLoss()
    lovasz = smp.losses.LovaszLoss("binary")
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=20)
    scaler = torch.cuda.amp.GradScaler()

    Path("checkpoints").mkdir(exist_ok=True)
    best, stale = 0.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, (x, y) in enumerate(train_loader):
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(x)
                loss = loss_fn(logits, y) + 0.5 * lovasz(logits, y)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step(epoch + step / len(train_loader))
        val = run_eval(model, val_loader, device)
        wandb.log({"epoch": epoch, "train_loss": loss.item(), **{f"val_{k}": v for k, v in val.items()}})
        if val["iou"] > best:
            best, stale = val["iou"], 0
            torch.save(model.state_dict(), "checkpoints/fpn_b4_best.pt")
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load("checkpoints/fpn_b4_best.pt"))
    test = run_eval(model, test_loader, device)
    wandb.log({f"test_{k}": v for k, v in test.items()})
    print("test", test)
    run.finish()


if __name__ == "__main__":
    main()
