"""Train a small CenterNet on the warehouse shelf dataset (SKU-level boxes)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from torchmetrics.detection import MeanAveragePrecision

from centernet.decode import centernet_loss, decode
from centernet.model import CenterNetR18
from shelf_data import ShelfHeatmapDataset, collate_heatmaps


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def validate(model, loader, device):
    metric = MeanAveragePrecision(iou_type="bbox", box_format="xyxy")
    total_loss, n = 0.0, 0
    with torch.no_grad():
        for batch in loader:
            images = batch["image"].to(device)
            targets = {k: v.to(device) for k, v in batch.items() if k in ("hm", "wh", "reg", "mask")}
            out = model(images)
            total_loss += centernet_loss(out, targets).item() * images.size(0)
            n += images.size(0)
            preds = [{k: v.cpu() for k, v in p.items()} for p in decode(out)]
            metric.update(preds, batch["gt"])
    res = metric.compute()
    return {"loss": total_loss / n, "map": res["map"].item(), "map_50": res["map_50"].item(),
            "mar_100": res["mar_100"].item()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/shelf_v4")
    ap.add_argument("--epochs", type=int, default=70)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default="runs/centernet_r18")
    args = ap.parse_args()

    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    with open(Path(args.data) / "meta.json") as f:
        meta = json.load(f)
    train_ds = ShelfHeatmapDataset(args.data, "train", input_size=512, augment=True)
    val_ds = ShelfHeatmapDataset(args.data, "val", input_size=512, augment=False)
    train_loader = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=8,
                              collate_fn=collate_heatmaps, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=args.bs, shuffle=False, num_workers=8,
                            collate_fn=collate_heatmaps)

    model = CenterNetR18(num_classes=len(meta["classes"])).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.epochs * len(train_loader))

    best_map, stale = 0.0, 0
    history = []
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for step, batch in enumerate(train_loader):
            images = batch["image"].to(device, non_blocking=True)
            targets = {k: batch[k].to(device) for k in ("hm", "wh", "reg", "mask")}
            loss = centernet_loss(model(images), targets)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 35.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()

        val = validate(model, val_loader, device)
        history.append({"epoch": epoch, "train_loss": running / len(train_loader), **val})
        print(json.dumps(history[-1]))
        if val["map"] > best_map:
            best_map, stale = val["map"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "val": val}, out_dir / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                print(f"early stop at epoch {epoch}, best val mAP {best_map:.4f}")
                break

    with open(out_dir / "history.json", "w") as f:
        json.dump(history, f, indent=2)


if __name__ == "__main__":
    main()
