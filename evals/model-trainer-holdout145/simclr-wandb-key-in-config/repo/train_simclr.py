import argparse
import math
import random

import numpy as np
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T
import wandb
import yaml
from torch.utils.data import DataLoader

from ntxent import NTXentLoss


class SimCLR(nn.Module):
    def __init__(self, hidden=2048, out=128):
        super().__init__()
        enc = torchvision.models.resnet18()
        enc.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        enc.maxpool = nn.Identity()
        feat_dim = enc.fc.in_features
        enc.fc = nn.Identity()
        self.encoder = enc
        self.projector = nn.Sequential(
            nn.Linear(feat_dim, hidden), nn.BatchNorm1d(hidden), nn.ReLU(inplace=True),
            nn.Linear(hidden, out),
        )

    def forward(self, x):
        return self.projector(self.encoder(x))


class PairTransform:
    def __init__(self):
        self.t = T.Compose([
            T.RandomResizedCrop(32, scale=(0.08, 1.0)),
            T.RandomHorizontalFlip(),
            T.RandomApply([T.ColorJitter(0.4, 0.4, 0.4, 0.1)], p=0.8),
            T.RandomGrayscale(p=0.2),
            T.ToTensor(),
            T.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
        ])

    def __call__(self, img):
        return self.t(img), self.t(img)


def lr_at(step, total, warmup, base_lr):
    if step < warmup:
        return base_lr * step / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return base_lr * 0.5 * (1 + math.cos(math.pi * progress))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/cifar10_r18.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    tc, lc = cfg["train"], cfg["logging"]

    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])

    wandb.login(key=lc["wandb_key"])
    run = wandb.init(project=lc["project"], entity=lc["entity"], name=cfg["experiment"], config=cfg)

    ds = torchvision.datasets.CIFAR10(cfg["data"]["root"], train=True, transform=PairTransform(), download=True)
    loader = DataLoader(ds, batch_size=tc["batch_size"], shuffle=True, drop_last=True,
                        num_workers=cfg["data"]["num_workers"], pin_memory=True)

    device = torch.device("cuda")
    model = SimCLR(cfg["model"]["proj_hidden"], cfg["model"]["proj_out"]).to(device)
    criterion = NTXentLoss(tc["temperature"])
    optimizer = torch.optim.SGD(model.parameters(), lr=tc["lr"], momentum=0.9, weight_decay=tc["weight_decay"])

    total_steps = tc["epochs"] * len(loader)
    warmup_steps = tc["warmup_epochs"] * len(loader)
    step = 0
    for epoch in range(tc["epochs"]):
        model.train()
        for (x1, x2), _ in loader:
            for g in optimizer.param_groups:
                g["lr"] = lr_at(step, total_steps, warmup_steps, tc["lr"])
            x1, x2 = x1.to(device, non_blocking=True), x2.to(device, non_blocking=True)
            loss = criterion(model(x1), model(x2))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if step % lc["log_every"] == 0:
                run.log({"loss": loss.item(), "lr": optimizer.param_groups[0]["lr"], "epoch": epoch}, step=step)
            step += 1
        if (epoch + 1) % 50 == 0:
            torch.save(model.encoder.state_dict(), f"{cfg['experiment']}_enc_ep{epoch + 1}.pt")

    torch.save(model.encoder.state_dict(), f"{cfg['experiment']}_enc_final.pt")
    run.finish()


if __name__ == "__main__":
    main()
