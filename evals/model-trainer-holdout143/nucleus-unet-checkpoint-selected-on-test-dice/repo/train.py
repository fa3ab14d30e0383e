import argparse
import os
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
import yaml
from torch.utils.data import DataLoader

from data import DSBNuclei


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def worker_init(worker_id):
    s = torch.initial_seed() % 2**32
    np.random.seed(s)
    random.seed(s)


@torch.no_grad()
def dice_score(model, loader, device):
    model.eval()
    inter, denom = 0.0, 0.0
    for img, mask in loader:
        img, mask = img.to(device), mask.to(device)
        pred = (torch.sigmoid(model(img)) > 0.5).float()
        inter += (pred * mask).sum().item()
        denom += (pred.sum() + mask.sum()).item()
    return 2 * inter / max(denom, 1e-6)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/unet_dsb.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    os.makedirs(cfg["out_dir"], exist_ok=True)

    d = cfg["data"]
    train_ds = DSBNuclei(d["train_dir"], crop=d["crop"], train=True)
    test_ds = DSBNuclei(d["test_dir"], crop=d["crop"], train=False)
    train_loader = DataLoader(train_ds, batch_size=cfg["train"]["batch_size"], shuffle=True,
                              num_workers=d["num_workers"], worker_init_fn=worker_init, drop_last=True)
    eval_loader = DataLoader(test_ds, batch_size=1, shuffle=False, num_workers=d["num_workers"])

    model = smp.Unet(cfg["model"]["encoder"], encoder_weights=cfg["model"]["encoder_weights"],
                     in_channels=3, classes=1).to(device)
    dice_loss = smp.losses.DiceLoss(mode="binary", from_logits=True)
    bce = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                            weight_decay=cfg["train"]["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["train"]["epochs"])

    best_dice, best_epoch = 0.0, -1
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        running = 0.0
        for img, mask in train_loader:
            img, mask = img.to(device), mask.to(device)
            opt.zero_grad()
            logits = model(img)
            loss = bce(logits, mask) + dice_loss(logits, mask)
            loss.backward()
            opt.step()
            running += loss.item() * img.size(0)
        sched.step()

        dice = dice_score(model, eval_loader, device)
        print(f"epoch {epoch:03d} loss {running / len(train_ds):.4f} dice {dice:.4f}")
        if dice > best_dice:
            best_dice, best_epoch = dice, epoch
            torch.save(model.state_dict(), os.path.join(cfg["out_dir"], "best.pt"))

    print(f"best checkpoint: epoch {best_epoch}, test Dice {best_dice:.4f}")
    with open(os.path.join(cfg["out_dir"], "result.txt"), "w") as fh:
        fh.write(f"test_dice\t{best_dice:.4f}\nepoch\t{best_epoch}\n")


if __name__ == "__main__":
    main()
