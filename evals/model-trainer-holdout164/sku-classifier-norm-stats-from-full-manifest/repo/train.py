import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import yaml
from sklearn.metrics import f1_score
from torch import nn
from torch.utils.data import DataLoader

from data import SkuCropDataset, build_transforms, split_manifest
from stats import channel_stats


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, targets = [], []
    for images, labels in loader:
        logits = model(images.to(device, non_blocking=True))
        preds.append(logits.argmax(dim=1).cpu())
        targets.append(labels)
    preds = torch.cat(preds).numpy()
    targets = torch.cat(targets).numpy()
    return {
        "top1": float((preds == targets).mean()),
        "macro_f1": float(f1_score(targets, preds, average="macro")),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="outputs")
    args = parser.parse_args()

    cfg = yaml.safe_load(open(args.config))
    dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]
    set_seed(tcfg["seed"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(dcfg["manifest"])
    df = df[df["is_occluded"] == 0].reset_index(drop=True)
    classes = sorted(df["sku_id"].unique())
    df["label"] = df["sku_id"].map({s: i for i, s in enumerate(classes)})

    # shelf cameras have a strong warm cast, ImageNet stats are way off
    mean, std = channel_stats([Path(dcfg["root"]) / p for p in df["crop_path"]], dcfg["image_size"])
    with open(out / "norm_stats.json", "w") as f:
        json.dump({"mean": mean, "std": std}, f)

    train_df, val_df, test_df = split_manifest(df, dcfg["val_fraction"], dcfg["test_fraction"], tcfg["seed"])
    print(f"train={len(train_df)} val={len(val_df)} test={len(test_df)} classes={len(classes)}")

    size = dcfg["image_size"]
    train_ds = SkuCropDataset(train_df, dcfg["root"], build_transforms(mean, std, size, train=True))
    val_ds = SkuCropDataset(val_df, dcfg["root"], build_transforms(mean, std, size, train=False))
    test_ds = SkuCropDataset(test_df, dcfg["root"], build_transforms(mean, std, size, train=False))
    loader_kw = dict(batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"], pin_memory=True)
    train_dl = DataLoader(train_ds, shuffle=True, drop_last=True, **loader_kw)
    val_dl = DataLoader(val_ds, shuffle=False, **loader_kw)
    test_dl = DataLoader(test_ds, shuffle=False, **loader_kw)

    model = timm.create_model(
        mcfg["arch"], pretrained=mcfg["pretrained"], num_classes=len(classes), drop_rate=mcfg["drop_rate"]
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    best_f1 = -1.0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for images, labels in train_dl:
            images, labels = images.to(device, non_blocking=True), labels.to(device)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            running += loss.item() * images.size(0)
        scheduler.step()
        val_metrics = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss={running / len(train_ds):.4f} "
              f"val_top1={val_metrics['top1']:.4f} val_f1={val_metrics['macro_f1']:.4f}")
        if val_metrics["macro_f1"] > best_f1:
            best_f1 = val_metrics["macro_f1"]
            torch.save(model.state_dict(), out / "best.pt")

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test_metrics = evaluate(model, test_dl, device)
    print("test:", test_metrics)
    with open(out / "test_metrics.json", "w") as f:
        json.dump(test_metrics, f, indent=2)


if __name__ == "__main__":
    main()
