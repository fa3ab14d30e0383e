import argparse
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
import torch.nn.functional as F
import wandb
import yaml
from torch.utils.data import DataLoader

from datasets import Sen1Floods11, read_split


def seed_worker(worker_id):
    np.random.seed(torch.initial_seed() % 2**32)


def water_iou(model, loader, device):
    model.eval()
    inter = union = 0
    with torch.inference_mode():
        for x, y in loader:
            pred = model(x.to(device)).argmax(1).cpu()
            valid = y != -1
            inter += ((pred == 1) & (y == 1) & valid).sum().item()
            union += (((pred == 1) | (y == 1)) & valid).sum().item()
    return inter / max(union, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/sen1floods11.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"], config=cfg)

    d = cfg["data"]
    make = lambda split, crop=None: Sen1Floods11(d["root"], read_split(d["splits_dir"], split), d["mean"], d["std"], crop)
    bs = cfg["optim"]["batch_size"]
    train_dl = DataLoader(make("train", d["crop"]), batch_size=bs, shuffle=True, num_workers=4, drop_last=True,
                          worker_init_fn=seed_worker)
    valid_dl = DataLoader(make("valid"), batch_size=4)
    test_dl = DataLoader(make("test"), batch_size=4)

    m = cfg["model"]
    model = getattr(smp, m["arch"])(m["encoder"], encoder_weights=None, in_channels=m["in_channels"], classes=2)
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=10)
    class_w = torch.tensor([1.0, 8.0], device=device)

    best = 0.0
    for epoch in range(cfg["optim"]["epochs"]):
        model.train()
        for i, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            loss = F.cross_entropy(model(x), y, weight=class_w, ignore_index=-1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step(epoch + i / len(train_dl))
        val_iou = water_iou(model, valid_dl, device)
        wandb.log({"epoch": epoch, "train/loss": loss.item(), "valid/water_iou": val_iou})
        if val_iou > best:
            best = val_iou
            torch.save(model.state_dict(), f"{cfg['experiment']}.pt")

    model.load_state_dict(torch.load(f"{cfg['experiment']}.pt", map_location=device))
    test_iou = water_iou(model, test_dl, device)
    run.summary["test/water_iou"] = test_iou
    print(f"best valid IoU {best:.4f}  test IoU {test_iou:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
