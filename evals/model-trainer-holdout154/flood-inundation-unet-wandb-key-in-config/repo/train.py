import os
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import wandb
import yaml
import segmentation_models_pytorch as smp
from torch.utils.data import DataLoader

from dataset import Sen1Floods11


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def iou_counts(logits, y, ignore_index):
    pred = logits.argmax(1)
    valid = y != ignore_index
    inter = ((pred == 1) & (y == 1) & valid).sum().item()
    union = (((pred == 1) | (y == 1)) & valid).sum().item()
    return inter, union


def run_eval(model, loader, device, ignore_index):
    model.eval()
    inter = union = 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            i, u = iou_counts(model(x), y, ignore_index)
            inter, union = inter + i, union + u
    return inter / max(union, 1)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_all(cfg["seed"])
    dc, tc = cfg["data"], cfg["train"]

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], name=cfg["experiment"], config=cfg)

    def make(split, augment=False):
        csv = os.path.join(dc["splits_dir"], f"flood_{split}_data.csv")
        return Sen1Floods11(dc["root"], csv, dc["mean"], dc["std"], dc["clip_db"], augment)

    train_dl = DataLoader(make("train", augment=True), batch_size=tc["batch_size"], shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(make("valid"), batch_size=tc["batch_size"])
    test_dl = DataLoader(make("test"), batch_size=tc["batch_size"])

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = smp.Unet("resnet34", encoder_weights="imagenet", in_channels=len(dc["bands"]), classes=2).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tc["epochs"])
    class_w = torch.tensor([1.0, tc["pos_weight"]], device=device)

    best_iou = 0.0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y, weight=class_w, ignore_index=tc["ignore_index"])
            loss.backward()
            opt.step()
        sched.step()
        val_iou = run_eval(model, val_dl, device, tc["ignore_index"])
        wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_iou": val_iou})
        if val_iou > best_iou:
            best_iou = val_iou
            torch.save(model.state_dict(), f"{cfg['experiment']}_best.pt")

    model.load_state_dict(torch.load(f"{cfg['experiment']}_best.pt", map_location=device))
    test_iou = run_eval(model, test_dl, device, tc["ignore_index"])
    wandb.log({"test_iou": test_iou, "best_val_iou": best_iou})
    print(f"best val IoU {best_iou:.4f}  test IoU {test_iou:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
