import argparse
import os
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
import wandb
import yaml
from dotenv import load_dotenv
from torch.utils.data import DataLoader

from dataset import LiveCellFB


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def _worker_init(wid):
    np.random.seed((torch.initial_seed() + wid) % 2**32)


@torch.no_grad()
def fg_dice(model, loader, device):
    model.eval()
    inter = denom = 0.0
    for x, y in loader:
        pred = (torch.sigmoid(model(x.to(device)))[:, 0] > 0.5).float()
        fg = y[:, 0].to(device)
        inter += (pred * fg).sum().item()
        denom += (pred.sum() + fg.sum()).item()
    return 2 * inter / max(denom, 1.0)


def main(cfg):
    load_dotenv()
    if not os.environ.get("WANDB_API_KEY"):
        os.environ["WANDB_MODE"] = "offline"
    seed_all(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    run = wandb.init(project=cfg["logging"]["wandb_project"], entity=cfg["logging"]["wandb_entity"], config=cfg)

    d = cfg["data"]
    train_ds = LiveCellFB(d["root"], d["train_json"], tile=d["tile"], augment=True)
    val_ds = LiveCellFB(d["root"], d["val_json"])
    test_ds = LiveCellFB(d["root"], d["test_json"])
    bs = cfg["optim"]["batch_size"]
    train_dl = DataLoader(train_ds, batch_size=bs, shuffle=True, num_workers=6, worker_init_fn=_worker_init)
    val_dl = DataLoader(val_ds, batch_size=4, num_workers=6)
    test_dl = DataLoader(test_ds, batch_size=4, num_workers=6)

    m = cfg["model"]
    model = getattr(smp, m["arch"])(m["encoder"], encoder_weights=m["encoder_weights"], classes=2).to(device)
    loss_fn = smp.losses.DiceLoss("multilabel", from_logits=True)
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 4.0], device=device)[:, None, None])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"])

    best, step = 0.0, 0
    for epoch in range(cfg["optim"]["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y) + bce(logits, y)
            loss.backward()
            opt.step()
            step += 1
            if step % cfg["logging"]["log_every"] == 0:
                wandb.log({"train/loss": loss.item()}, step=step)
        val_dice = fg_dice(model, val_dl, device)
        wandb.log({"val/fg_dice": val_dice, "epoch": epoch}, step=step)
        if val_dice > best:
            best = val_dice
            torch.save(model.state_dict(), "livecell_unet_best.pt")

    model.load_state_dict(torch.load("livecell_unet_best.pt", map_location=device))
    run.summary["test/fg_dice"] = fg_dice(model, test_dl, device)
    run.summary["val/best_fg_dice"] = best
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/livecell.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
