"""2D U-Net for whole-tumour segmentation on BraTS 2021 (FLAIR/T1/T1ce/T2 slices)."""
import logging
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader
from tqdm import tqdm

from seg.slices import BraTSSlices
from seg.unet import UNet

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("seg")


def soft_dice_loss(logits, target, eps=1.0):
    prob = torch.sigmoid(logits)
    inter = (prob * target).sum(dim=(1, 2, 3))
    denom = prob.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3))
    return 1 - ((2 * inter + eps) / (denom + eps)).mean()


@torch.no_grad()
def mean_dice(model, loader, device, thr=0.5):
    model.eval()
    scores = []
    for img, mask in loader:
        pred = (torch.sigmoid(model(img.to(device))) > thr).float().cpu()
        inter = (pred * mask).sum(dim=(1, 2, 3))
        denom = pred.sum(dim=(1, 2, 3)) + mask.sum(dim=(1, 2, 3))
        scores.append(((2 * inter + 1e-6) / (denom + 1e-6)))
    return torch.cat(scores).mean().item()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda"

    cases = sorted(p for p in Path(cfg["data_dir"]).iterdir() if p.is_dir())
    dataset = BraTSSlices(cases)
    log.info("%d patients, %d slices", len(cases), len(dataset))
    loader = DataLoader(dataset, batch_size=cfg["batch_size"], shuffle=True, num_workers=6, drop_last=True)
    eval_loader = DataLoader(dataset, batch_size=32, num_workers=6)

    model = UNet(in_ch=4, base=cfg["base_channels"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)

    for epoch in range(cfg["epochs"]):
        model.train()
        epoch_loss = 0.0
        for img, mask in tqdm(loader, leave=False):
            img, mask = img.to(device), mask.to(device)
            logits = model(img)
            loss = F.binary_cross_entropy_with_logits(logits, mask) + soft_dice_loss(logits, mask)
            opt.zero_grad()
            loss.backward()
            opt.step()
            epoch_loss += loss.item()
        epoch_loss /= len(loader)
        sched.step(epoch_loss)
        log.info("epoch %d loss %.4f", epoch, epoch_loss)
        torch.save(model.state_dict(), f"checkpoints/unet_ep{epoch:02d}.pt")

    dice = mean_dice(model, eval_loader, device)
    log.info("whole-tumour Dice: %.4f", dice)
    Path("results.txt").write_text(f"dice={dice:.4f}\n")


if __name__ == "__main__":
    main()
