"""CS 4780 assignment 3: Fashion-MNIST classifier.

Usage: python train.py --config config.yaml
"""
import argparse
import os
import random

import numpy as np
import torch
import yaml

from fmnist.data import build_loaders
from fmnist.engine import evaluate, train_one_epoch
from fmnist.model import FashionCNN


def set_seed(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_loader, val_loader, test_loader = build_loaders(cfg)
    model = FashionCNN(dropout=cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=2)

    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
    best_val_loss = float("inf")
    epochs_without_improvement = 0

    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, device)
        val_metrics = evaluate(model, val_loader, device)
        scheduler.step(val_metrics["loss"])
        print(f"epoch {epoch:02d} | train loss {train_loss:.4f} | "
              f"val loss {val_metrics['loss']:.4f} | val acc {val_metrics['accuracy']:.4f} | "
              f"val macro-F1 {val_metrics['macro_f1']:.4f}")

        if val_metrics["loss"] < best_val_loss:
            best_val_loss = val_metrics["loss"]
            epochs_without_improvement = 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            epochs_without_improvement += 1
            if epochs_without_improvement >= cfg["patience"]:
                print(f"early stopping after epoch {epoch}")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test_metrics = evaluate(model, test_loader, device)
    print(f"TEST | loss {test_metrics['loss']:.4f} | acc {test_metrics['accuracy']:.4f} | "
          f"macro-F1 {test_metrics['macro_f1']:.4f}")


if __name__ == "__main__":
    main()
