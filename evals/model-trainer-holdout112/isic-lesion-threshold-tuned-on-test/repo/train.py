"""ISIC 2018 task 1 lesion boundary segmentation, DeepLabV3+ (smp)."""
import argparse
import json
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from albumentations.pytorch import ToTensorV2
from torch.utils.data import DataLoader, Dataset

from metrics import collect_probs, dice_per_image, jaccard_per_image, tune_threshold


class LesionDataset(Dataset):
    def __init__(self, df, root, tf):
        self.df, self.root, self.tf = df.reset_index(drop=True), Path(root), tf

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        isic_id = self.df.loc[i, "isic_id"]
        img = cv2.cvtColor(cv2.imread(str(self.root / "images" / f"{isic_id}.jpg")), cv2.COLOR_BGR2RGB)
        msk = cv2.imread(str(self.root / "masks" / f"{isic_id}_segmentation.png"), cv2.IMREAD_GRAYSCALE)
        out = self.tf(image=img, mask=(msk > 127).astype(np.float32))
        return out["image"], out["mask"].unsqueeze(0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/isic2018")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    # official ISIC 2018 partitions: 2594 train / 100 val / 1000 test
    splits = pd.read_csv(Path(args.root) / "splits.csv")
    norm = A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))
    train_tf = A.Compose([
        A.RandomResizedCrop(384, 384, scale=(0.5, 1.0)),
        A.HorizontalFlip(), A.VerticalFlip(), A.RandomRotate90(),
        A.ColorJitter(0.2, 0.2, 0.2, 0.02, p=0.5),
        norm, ToTensorV2(),
    ])
    eval_tf = A.Compose([A.Resize(384, 384), norm, ToTensorV2()])
    loaders = {}
    for name in ["train", "val", "test"]:
        ds = LesionDataset(splits[splits.split == name], args.root, train_tf if name == "train" else eval_tf)
        loaders[name] = DataLoader(ds, batch_size=12, shuffle=(name == "train"), num_workers=6,
                                   drop_last=(name == "train"))

    model = smp.DeepLabV3Plus("resnet50", encoder_weights="imagenet", classes=1).to(device)
    criterion = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-4, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1e-3, total_steps=args.epochs * len(loaders["train"]))

    best_val = -1.0
    for epoch in range(args.epochs):
        model.train()
        for images, masks in loaders["train"]:
            images, masks = images.to(device), masks.to(device)
            logits = model(images)
            loss = criterion(logits, masks) + bce(logits, masks)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        probs, targets = collect_probs(model, loaders["val"], device)
        val_jac = jaccard_per_image(probs, targets).mean()
        print(f"epoch {epoch:03d} loss {loss.item():.4f} val jaccard {val_jac:.4f}")
        if val_jac > best_val:
            best_val = val_jac
            torch.save(model.state_dict(), "deeplabv3p_isic.pt")

    model.load_state_dict(torch.load("deeplabv3p_isic.pt", map_location=device))
    best_t, sweep = tune_threshold(model, loaders["test"], device)
    probs, targets = collect_probs(model, loaders["test"], device)
    report = {
        "threshold": best_t,
        "test_dice": float(dice_per_image(probs, targets, best_t).mean()),
        "test_jaccard": float(jaccard_per_image(probs, targets, best_t).mean()),
        "threshold_sweep": {str(k): float(v) for k, v in sweep.items()},
    }
    print(json.dumps(report, indent=2))
    Path("results.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
