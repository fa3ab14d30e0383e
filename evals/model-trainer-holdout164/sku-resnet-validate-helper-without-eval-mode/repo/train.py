import argparse
import json
import os
import random

import numpy as np
import timm
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms as T

from engine import train_one_epoch, validate


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def get_loaders(cfg):
    mean, std = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)
    train_tf = T.Compose([
        T.RandomResizedCrop(cfg["img_size"], scale=(0.5, 1.0)),
        T.RandomRotation(10),
        T.ColorJitter(0.25, 0.25, 0.25, 0.05),
        T.ToTensor(),
        T.Normalize(mean, std),
    ])
    eval_tf = T.Compose([
        T.Resize(int(cfg["img_size"] / 0.875)),
        T.CenterCrop(cfg["img_size"]),
        T.ToTensor(),
        T.Normalize(mean, std),
    ])
    # train/val/test folders were split by store_id upstream (scripts/make_splits.py)
    root = cfg["data_dir"]
    train_ds = datasets.ImageFolder(os.path.join(root, "train"), train_tf)
    val_ds = datasets.ImageFolder(os.path.join(root, "val"), eval_tf)
    test_ds = datasets.ImageFolder(os.path.join(root, "test"), eval_tf)
    assert train_ds.classes == val_ds.classes == test_ds.classes
    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    return (
        DataLoader(train_ds, shuffle=True, drop_last=True, **kw),
        DataLoader(val_ds, shuffle=False, **kw),
        DataLoader(test_ds, shuffle=False, **kw),
        len(train_ds.classes),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    seed_everything(cfg["seed"])
    os.makedirs(cfg["out_dir"], exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, num_classes = get_loaders(cfg)
    model = timm.create_model(cfg["arch"], pretrained=cfg["pretrained"],
                              num_classes=num_classes, drop_rate=cfg["drop_rate"])
    model.to(device)

    criterion = nn.CrossEntropyLoss(label_smoothing=cfg["label_smoothing"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"], eta_min=1e-6)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best = 0.0
    ckpt = os.path.join(cfg["out_dir"], "best.pt")
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_dl, criterion, optimizer, scaler, device)
        scheduler.step()
        val = validate(model, val_dl, criterion, device)
        print(f"epoch {epoch + 1}/{cfg['epochs']} train_loss={train_loss:.4f} "
              f"val_top1={val['top1']:.4f} val_top5={val['top5']:.4f} val_f1={val['macro_f1']:.4f}")
        if val["top1"] > best:
            best = val["top1"]
            torch.save({"model": model.state_dict(), "epoch": epoch, "val": val}, ckpt)

    state = torch.load(ckpt, map_location=device)
    model.load_state_dict(state["model"])
    test = validate(model, test_dl, criterion, device)
    print(f"best epoch {state['epoch'] + 1}: test {test}")
    with open(os.path.join(cfg["out_dir"], "test_metrics.json"), "w") as f:
        json.dump(test, f, indent=2)


if __name__ == "__main__":
    main()
