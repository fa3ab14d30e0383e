"""Intel image classification (6 scene classes) — EfficientNet-B0 fine-tuning.

    python make_splits.py configs/efficientnet_b0.yaml
    python train.py configs/efficientnet_b0.yaml
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import yaml
from torchvision import models

from scenes.data import loaders
from scenes.engine import predict, scores, train_epoch
from scenes.utils import seed_everything


def build(num_classes):
    net = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    net.classifier[1] = nn.Linear(net.classifier[1].in_features, num_classes)
    return net


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, train_ds = loaders(cfg)
    n_classes = len(train_ds.classes)
    counts = np.bincount(train_ds.targets, minlength=n_classes)
    class_w = torch.tensor(counts.sum() / (n_classes * counts), dtype=torch.float32, device=device)

    model = build(n_classes).to(device)
    criterion = nn.CrossEntropyLoss(weight=class_w)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.3, patience=2)

    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(cfg["epochs"]):
        loss = train_epoch(model, train_dl, criterion, optimizer, device)
        val = scores(*predict(model, val_dl, device))
        scheduler.step(val["macro_f1"])
        print(f"[{epoch:02d}] loss={loss:.4f} " + " ".join(f"val_{k}={v:.4f}" for k, v in val.items()))
        if val["macro_f1"] > best:
            best, wait = val["macro_f1"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    majority = int(np.argmax(counts))
    report = {
        "model": scores(y_test, p_test),
        "majority_baseline": scores(y_test, np.full_like(y_test, majority)),
        "best_val_macro_f1": best,
    }
    print(json.dumps(report, indent=2))
    with open(os.path.join(os.path.dirname(cfg["checkpoint"]), "report.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/efficientnet_b0.yaml")
