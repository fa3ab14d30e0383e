"""Incoming-mail page classifier (EfficientNet-B0) for routing scanned letters to business queues."""
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

from mailroom.engine import evaluate, train_epoch


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def loaders(cfg):
    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.Grayscale(num_output_channels=3),
        transforms.RandomResizedCrop(cfg["image_size"], scale=(0.85, 1.0), ratio=(0.7, 0.8)),
        transforms.RandomRotation(3, fill=255),
        transforms.ColorJitter(brightness=0.2, contrast=0.3),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([
        transforms.Grayscale(num_output_channels=3),
        transforms.Resize((cfg["image_size"], cfg["image_size"])),
        transforms.ToTensor(),
        norm,
    ])
    root = Path(cfg["data_dir"])
    tr = datasets.ImageFolder(root / "train", train_tf)
    va = datasets.ImageFolder(root / "val", eval_tf)
    te = datasets.ImageFolder(root / "test", eval_tf)
    kw = dict(batch_size=cfg["batch_size"], num_workers=6, pin_memory=True)
    return (DataLoader(tr, shuffle=True, drop_last=True, **kw), DataLoader(va, **kw),
            DataLoader(te, **kw), tr.classes)


def main():
    cfg = yaml.safe_load(open("train.yaml"))
    set_seeds(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl, val_dl, test_dl, classes = loaders(cfg)

    model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    model.classifier[1] = torch.nn.Linear(model.classifier[1].in_features, len(classes))
    model.to(device)

    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    steps = cfg["epochs"] * len(train_dl) // cfg["accum_steps"]
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"], total_steps=steps + 1)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    optimizer.zero_grad(set_to_none=True)
    for epoch in range(cfg["epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, scheduler, scaler, cfg["accum_steps"], device,
                              cfg["label_smoothing"])
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} train_loss {tr_loss:.4f} val {json.dumps(val)}")
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save({"state_dict": model.state_dict(), "classes": classes}, out / "best.pt")
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device)["state_dict"])
    print("test:", json.dumps(evaluate(model, test_dl, device)))


if __name__ == "__main__":
    main()
