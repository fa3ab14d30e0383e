"""Road extraction from aerial imagery (Massachusetts Roads)."""
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader

from roadseg.data import RoadTiles
from roadseg.engine import train_one_epoch, validate
from roadseg.model import RoadUNet

THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds = RoadTiles(cfg["data_root"], "train", cfg["tile_size"], train=True)
    val_ds = RoadTiles(cfg["data_root"], "val", cfg["tile_size"])
    test_ds = RoadTiles(cfg["data_root"], "test", cfg["tile_size"])
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=6, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=cfg["batch_size"], num_workers=6)
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=6)

    model = RoadUNet(dropout=cfg["dropout"]).to(device)
    pos_frac = 0.06
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(1 - pos_frac) / pos_frac], device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"], epochs=cfg["epochs"],
                                                    steps_per_epoch=len(train_loader))

    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    best_iou, best_thr, stale = 0.0, 0.5, 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_loader, optimizer, criterion, device, scheduler)
        val_loss, val_res = validate(model, val_loader, criterion, device, THRESHOLDS)
        thr = max(val_res, key=lambda t: val_res[t]["iou"])
        print(f"epoch {epoch:03d} train {train_loss:.4f} val {val_loss:.4f} "
              f"iou@{thr} {val_res[thr]['iou']:.4f} f1 {val_res[thr]['f1']:.4f}")
        if val_res[thr]["iou"] > best_iou:
            best_iou, best_thr, stale = val_res[thr]["iou"], thr, 0
            torch.save({"model": model.state_dict(), "threshold": thr, "epoch": epoch}, cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    ckpt = torch.load(cfg["checkpoint"], map_location=device)
    model.load_state_dict(ckpt["model"])
    _, test_res = validate(model, test_loader, criterion, device, (ckpt["threshold"],))
    print(f"test @ {ckpt['threshold']}: {test_res[ckpt['threshold']]}")


if __name__ == "__main__":
    with open("train.yaml") as f:
        main(yaml.safe_load(f))
