"""Fine-tune an ImageNet backbone on Flowers-102.

    python train.py --config configs/resnet18.yaml
"""
import argparse
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml

from flowers.data import build_loaders
from flowers.engine import evaluate, train_one_epoch
from flowers.model import build_model


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/resnet18.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    tcfg = cfg["train"]
    seed_everything(tcfg["seed"])
    os.makedirs(tcfg["out_dir"], exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_loader, val_loader, test_loader = build_loaders(cfg["data"])
    model = build_model(**cfg["model"]).to(device)

    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    ckpt_path = os.path.join(tcfg["out_dir"], "best.pt")
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(1, tcfg["epochs"] + 1):
        train_loss, train_acc = train_one_epoch(model, train_loader, criterion, optimizer, device)
        val = evaluate(model, val_loader, criterion, device)
        scheduler.step()
        print(f"epoch {epoch:02d} | train loss {train_loss:.3f} acc {train_acc:.3f} | "
              f"val loss {val['loss']:.3f} acc {val['acc']:.3f} f1 {val['macro_f1']:.3f}")

        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    test = evaluate(model, test_loader, criterion, device)
    print(f"test acc {test['acc']:.4f} macro-F1 {test['macro_f1']:.4f}")
    with open(os.path.join(tcfg["out_dir"], "test_metrics.json"), "w") as f:
        json.dump(test, f, indent=2)


if __name__ == "__main__":
    main()
