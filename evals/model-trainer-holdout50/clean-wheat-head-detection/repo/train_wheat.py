"""Wheat head detection: Faster R-CNN R50-FPN vs. a MobileNetV3-FPN baseline, split by acquisition session."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader
from torchvision.models.detection import (FasterRCNN_MobileNet_V3_Large_FPN_Weights, FasterRCNN_ResNet50_FPN_Weights,
                                          fasterrcnn_mobilenet_v3_large_fpn, fasterrcnn_resnet50_fpn)
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

from wheatdet.data import WheatDataset, collate, train_transform
from wheatdet.engine import evaluate_map, train_one_epoch, validation_losses

SEED = 2021
IMAGE_DIR = "data/gwhd_2021/images"
OUT = Path("runs/wheat")
EPOCHS, PATIENCE = 30, 5
BUILDERS = {
    "mobilenet_v3_fpn_baseline": (fasterrcnn_mobilenet_v3_large_fpn, FasterRCNN_MobileNet_V3_Large_FPN_Weights.COCO_V1),
    "resnet50_fpn": (fasterrcnn_resnet50_fpn, FasterRCNN_ResNet50_FPN_Weights.COCO_V1),
}


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build(name):
    fn, weights = BUILDERS[name]
    model = fn(weights=weights, min_size=1024, max_size=1024, box_detections_per_img=200)
    model.roi_heads.box_predictor = FastRCNNPredictor(model.roi_heads.box_predictor.cls_score.in_features, 2)
    return model


def fit(name, loaders, device):
    seed_everything(SEED)
    model = build(name).to(device)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9,
                                weight_decay=1e-4)
    warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.01, total_iters=500)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)
    scaler = torch.cuda.amp.GradScaler()
    ckpt = OUT / f"{name}.pt"
    best, stale = -1.0, 0
    for epoch in range(EPOCHS):
        train_losses = train_one_epoch(model, loaders["train"], optimizer, device, scaler,
                                       warmup if epoch == 0 else None)
        cosine.step()
        val_losses = validation_losses(model, loaders["val"], device)
        val_map = evaluate_map(model, loaders["val"], device)
        print(f"[{name}] epoch {epoch} train {sum(train_losses.values()):.3f} "
              f"val loss {sum(val_losses.values()):.3f} val {val_map}")
        if val_map["map_50_75"] > best:
            best, stale = val_map["map_50_75"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= PATIENCE:
                break
    model.load_state_dict(torch.load(ckpt, map_location=device))
    return model, best


def main():
    seed_everything(SEED)
    device = torch.device("cuda")
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_csv("data/gwhd_2021/annotations.csv")
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(gss.split(df, groups=df.domain))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    tr, va = next(GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED).split(dev, groups=dev.domain))
    train, val = dev.iloc[tr], dev.iloc[va]
    print({k: (len(v), v.domain.nunique()) for k, v in [("train", train), ("val", val), ("test", test)]})

    loaders = {
        "train": DataLoader(WheatDataset(train, IMAGE_DIR, train_transform()), batch_size=4, shuffle=True,
                            num_workers=6, collate_fn=collate, generator=torch.Generator().manual_seed(SEED)),
        "val": DataLoader(WheatDataset(val, IMAGE_DIR), batch_size=4, num_workers=6, collate_fn=collate),
        "test": DataLoader(WheatDataset(test, IMAGE_DIR), batch_size=4, num_workers=6, collate_fn=collate),
    }
    report = {}
    for name in BUILDERS:
        model, best_val = fit(name, loaders, device)
        report[name] = {"best_val_map_50_75": best_val, "test": evaluate_map(model, loaders["test"], device)}
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
