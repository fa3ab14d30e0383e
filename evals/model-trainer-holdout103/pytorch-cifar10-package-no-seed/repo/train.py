"""ResNet-9 on CIFAR-10: linear warm-up + cosine decay, early stopping on val accuracy."""
import math
import os
import sys

import numpy as np
import tomli
import torch
import torch.nn as nn
from sklearn.metrics import classification_report

from cifar_trainer.data import get_loaders
from cifar_trainer.model import resnet9


def lr_lambda(warmup, total):
    def f(epoch):
        if epoch < warmup:
            return (epoch + 1) / warmup
        progress = (epoch - warmup) / max(1, total - warmup)
        return 0.5 * (1 + math.cos(math.pi * progress))
    return f


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device, non_blocking=True)).argmax(1).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return float((y == p).mean()), y, p


def main(cfg_path="train.toml"):
    with open(cfg_path, "rb") as f:
        cfg = tomli.load(f)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cudnn.benchmark = True

    train_dl, val_dl, test_dl = get_loaders(cfg["data"])
    model = resnet9(**cfg["model"]).to(device)
    oc = cfg["optim"]
    opt = torch.optim.SGD(model.parameters(), lr=oc["lr"], momentum=oc["momentum"],
                          weight_decay=oc["weight_decay"], nesterov=True)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda(oc["warmup_epochs"], oc["epochs"]))
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)

    es = cfg["early_stopping"]
    os.makedirs(os.path.dirname(es["checkpoint"]), exist_ok=True)
    best_acc, stale = 0.0, 0
    for epoch in range(oc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            opt.zero_grad(set_to_none=True)
            loss = crit(model(x), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        sched.step()
        val_acc, _, _ = evaluate(model, val_dl, device)
        print(f"epoch {epoch + 1:3d}  lr {sched.get_last_lr()[0]:.4f}  loss {loss.item():.3f}  val acc {val_acc:.4f}")
        if val_acc > best_acc:
            best_acc, stale = val_acc, 0
            torch.save(model.state_dict(), es["checkpoint"])
        else:
            stale += 1
            if stale >= es["patience"]:
                break

    model.load_state_dict(torch.load(es["checkpoint"], map_location=device))
    test_acc, y, p = evaluate(model, test_dl, device)
    print(f"best val acc {best_acc:.4f} | test acc {test_acc:.4f}")
    print(classification_report(y, p, digits=4))
    print("chance level (uniform over 10 classes): 0.1000, majority class:", np.bincount(y).max() / len(y))


if __name__ == "__main__":
    main(*sys.argv[1:])
