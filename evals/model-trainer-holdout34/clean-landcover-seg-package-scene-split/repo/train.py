import logging
import sys

import pandas as pd
import segmentation_models_pytorch as smp
import torch
from torch.utils.data import DataLoader

from src.landseg.data import Tiles, augmentations
from src.landseg.engine import evaluate, fit_epoch
from src.landseg.utils import load_cfg, read_json

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("train")

cfg = load_cfg(sys.argv[1] if len(sys.argv) > 1 else "configs/landcover.yaml")
P, T = cfg["paths"], cfg["train"]
device = "cuda"
stats = read_json(P["stats_json"])
splits = pd.read_csv(P["splits_csv"])
g = torch.Generator().manual_seed(cfg["seed"])

train_dl = DataLoader(Tiles(splits[splits.split == "train"], stats["mean"], stats["std"], augmentations(True)),
                      batch_size=T["batch_size"], shuffle=True, num_workers=8, drop_last=True, generator=g)
val_dl = DataLoader(Tiles(splits[splits.split == "val"], stats["mean"], stats["std"]),
                    batch_size=T["batch_size"], num_workers=8)

model = getattr(smp, cfg["model"]["arch"])(encoder_name=cfg["model"]["encoder"], encoder_weights="imagenet",
                                           in_channels=len(stats["mean"]), classes=len(cfg["classes"])).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=T["lr"], weight_decay=T["weight_decay"])
steps = len(train_dl)
scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, [
    torch.optim.lr_scheduler.LinearLR(optimizer, 0.05, total_iters=T["warmup_epochs"] * steps),
    torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=(T["epochs"] - T["warmup_epochs"]) * steps),
], milestones=[T["warmup_epochs"] * steps])
scaler = torch.cuda.amp.GradScaler()

best, stale = -1.0, 0
for epoch in range(T["epochs"]):
    loss = fit_epoch(model, train_dl, optimizer, scheduler, scaler, device)
    val = evaluate(model, val_dl, device, cfg["classes"])
    log.info("epoch %d train_loss %.4f val_loss %.4f val mIoU %.4f macro-F1 %.4f pixel-acc %.4f",
             epoch, loss, val["loss"], val["miou"], val["macro_f1"], val["pixel_acc"])
    if val["miou"] > best:
        best, stale = val["miou"], 0
        torch.save({"state_dict": model.state_dict(), "epoch": epoch, "val": val}, P["ckpt"])
    else:
        stale += 1
        if stale >= T["patience"]:
            log.info("early stopping; best val mIoU %.4f", best)
            break
