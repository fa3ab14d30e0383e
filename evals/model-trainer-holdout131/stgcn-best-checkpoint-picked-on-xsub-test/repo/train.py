import argparse
import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from feeder import SkeletonFeeder
from stgcn import STGCN


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            correct += (logits.argmax(1).cpu() == y).sum().item()
            total += y.numel()
    return correct / total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ntu60_xsub_joint.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    set_seed(cfg["seed"])
    os.makedirs(cfg["work_dir"], exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    d, t = cfg["data"], cfg["train"]
    train_loader = DataLoader(SkeletonFeeder(d["train_data"], d["train_label"], d["window"]),
                              batch_size=t["batch_size"], shuffle=True, drop_last=True,
                              num_workers=t["num_workers"])
    eval_loader = DataLoader(SkeletonFeeder(d["eval_data"], d["eval_label"], d["window"]),
                             batch_size=t["eval_batch_size"], shuffle=False,
                             num_workers=t["num_workers"])

    model = STGCN(**cfg["model"]).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=t["base_lr"], momentum=0.9,
                                nesterov=True, weight_decay=t["weight_decay"])
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, t["lr_steps"], gamma=0.1)
    criterion = nn.CrossEntropyLoss()

    best_acc, best_epoch = 0.0, -1
    for epoch in range(t["epochs"]):
        model.train()
        losses = []
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        scheduler.step()

        acc = evaluate(model, eval_loader, device)
        print(f"[{epoch + 1:03d}] loss {np.mean(losses):.4f}  eval top-1 {acc:.4f}")
        if acc > best_acc:
            best_acc, best_epoch = acc, epoch + 1
            torch.save(model.state_dict(), os.path.join(cfg["work_dir"], "best_model.pt"))

    print(f"best X-Sub top-1 {best_acc:.4f} at epoch {best_epoch}")
    with open(os.path.join(cfg["work_dir"], "result.txt"), "w") as f:
        f.write(f"xsub_top1={best_acc:.4f}\nepoch={best_epoch}\n")


if __name__ == "__main__":
    main()
