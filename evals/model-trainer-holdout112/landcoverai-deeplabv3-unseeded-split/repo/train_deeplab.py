"""LandCover.ai (Poland, 25/50 cm orthophotos) - DeepLabV3-ResNet50 from torchvision.

Classes: 0 background, 1 building, 2 woodland, 3 water, 4 road.
Expects the 512x512 chips produced by the dataset's split.py in data/landcover_ai/output.
"""
import argparse
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
import torch.nn.functional as F
from albumentations.pytorch import ToTensorV2
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision.models import ResNet50_Weights
from torchvision.models.segmentation import deeplabv3_resnet50

NUM_CLASSES = 5
CLASS_NAMES = ["background", "building", "woodland", "water", "road"]


class ChipDataset(Dataset):
    def __init__(self, root):
        self.images = sorted(Path(root).glob("*[0-9].jpg"))
        self.transform = None

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(str(self.images[i])), cv2.COLOR_BGR2RGB)
        mask = cv2.imread(str(self.images[i]).replace(".jpg", "_m.png"), cv2.IMREAD_GRAYSCALE)
        out = self.transform(image=img, mask=mask)
        return out["image"], out["mask"].long()


class Subset(Dataset):
    def __init__(self, base, indices, transform):
        self.base, self.indices, self.transform = base, list(indices), transform

    def __len__(self):
        return len(self.indices)

    def __getitem__(self, i):
        self.base.transform = self.transform
        return self.base[self.indices[i]]


def confusion(pred, target, n=NUM_CLASSES):
    k = target.flatten() * n + pred.flatten()
    return torch.bincount(k, minlength=n * n).reshape(n, n)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    cm = torch.zeros(NUM_CLASSES, NUM_CLASSES, dtype=torch.long)
    for images, masks in loader:
        out = model(images.to(device))["out"]
        cm += confusion(out.argmax(1).cpu(), masks)
    iou = cm.diag() / (cm.sum(0) + cm.sum(1) - cm.diag()).clamp(min=1)
    return iou.mean().item(), iou.tolist()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/landcover_ai/output")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--bs", type=int, default=8)
    args = ap.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    norm = A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))
    train_tf = A.Compose([A.HorizontalFlip(), A.VerticalFlip(), A.RandomRotate90(),
                          A.HueSaturationValue(10, 15, 10, p=0.3), norm, ToTensorV2()])
    eval_tf = A.Compose([norm, ToTensorV2()])

    full = ChipDataset(args.root)
    n_val = n_test = int(0.15 * len(full))
    train_idx, val_idx, test_idx = random_split(range(len(full)), [len(full) - n_val - n_test, n_val, n_test])
    train_ds = Subset(full, train_idx, train_tf)
    val_ds = Subset(ChipDataset(args.root), val_idx, eval_tf)
    test_ds = Subset(ChipDataset(args.root), test_idx, eval_tf)

    train_dl = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=args.bs, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=args.bs, num_workers=4)

    model = deeplabv3_resnet50(weights_backbone=ResNet50_Weights.IMAGENET1K_V2, num_classes=NUM_CLASSES,
                               aux_loss=True).to(device)
    params = [
        {"params": model.backbone.parameters(), "lr": 1e-4},
        {"params": list(model.classifier.parameters()) + list(model.aux_classifier.parameters()), "lr": 1e-3},
    ]
    optimizer = torch.optim.AdamW(params, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters=args.epochs, power=0.9)

    best_miou = 0.0
    for epoch in range(args.epochs):
        model.train()
        for images, masks in train_dl:
            images, masks = images.to(device), masks.to(device)
            out = model(images)
            loss = F.cross_entropy(out["out"], masks) + 0.4 * F.cross_entropy(out["aux"], masks)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        scheduler.step()
        miou, _ = evaluate(model, val_dl, device)
        print(f"epoch {epoch + 1}/{args.epochs} loss {loss.item():.4f} val mIoU {miou:.4f}")
        if miou > best_miou:
            best_miou = miou
            torch.save(model.state_dict(), "deeplabv3_landcoverai.pth")

    model.load_state_dict(torch.load("deeplabv3_landcoverai.pth", map_location=device))
    miou, per_class = evaluate(model, test_dl, device)
    print(f"test mIoU {miou:.4f}")
    for name, v in zip(CLASS_NAMES, per_class):
        print(f"  {name:<10s} {v:.4f}")


if __name__ == "__main__":
    main()
