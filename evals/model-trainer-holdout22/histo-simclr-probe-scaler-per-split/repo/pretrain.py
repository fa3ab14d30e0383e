"""SimCLR pretraining of a ResNet-18 on unlabeled colorectal histology patches (train split only)."""
import logging

import torch
import yaml
from torch.utils.data import DataLoader

from sslhisto.data import TwoViews, load_split, simclr_aug
from sslhisto.simclr import SimCLR, nt_xent

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("pretrain")


def epoch_loss(model, loader, device, temperature, optimizer=None):
    total, n = 0.0, 0
    for (v1, v2), _ in loader:
        v1, v2 = v1.to(device, non_blocking=True), v2.to(device, non_blocking=True)
        loss = nt_xent(model(v1), model(v2), temperature)
        if optimizer is not None:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        total += loss.item() * len(v1)
        n += len(v1)
    return total / n


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    pc = cfg["pretrain"]
    torch.manual_seed(cfg["seed"])
    device = "cuda"

    train = load_split(cfg["data_root"], cfg["splits_file"], "train", TwoViews(simclr_aug))
    val = load_split(cfg["data_root"], cfg["splits_file"], "val", TwoViews(simclr_aug))
    train_dl = DataLoader(train, pc["batch_size"], shuffle=True, drop_last=True, num_workers=8)
    val_dl = DataLoader(val, pc["batch_size"], num_workers=8)

    model = SimCLR().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=pc["lr"], momentum=0.9, weight_decay=1e-6)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=pc["epochs"])

    best, wait = float("inf"), 0
    for ep in range(pc["epochs"]):
        model.train()
        tr = epoch_loss(model, train_dl, device, pc["temperature"], opt)
        sched.step()
        model.eval()
        with torch.no_grad():
            va = epoch_loss(model, val_dl, device, pc["temperature"])
        log.info("ep %03d  nt-xent train %.4f  val %.4f", ep, tr, va)
        if va < best:
            best, wait = va, 0
            torch.save(model.encoder.state_dict(), "checkpoints/simclr_encoder.pt")
        else:
            wait += 1
            if wait >= pc["patience"]:
                break


if __name__ == "__main__":
    main()
