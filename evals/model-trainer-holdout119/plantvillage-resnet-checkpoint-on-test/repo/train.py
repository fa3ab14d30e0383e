import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from torchvision import models

from data import build_loaders


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(cfg, n_classes):
    net = getattr(models, cfg["model"]["arch"])(weights="IMAGENET1K_V2" if cfg["model"]["pretrained"] else None)
    net.fc = nn.Sequential(nn.Dropout(cfg["model"]["dropout"]), nn.Linear(net.fc.in_features, n_classes))
    return net


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    correct, total = 0, 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        correct += (model(x).argmax(1) == y).sum().item()
        total += y.numel()
    return correct / total


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_loader, test_loader, classes = build_loaders(cfg, cfg["seed"])
    model = build_model(cfg, len(classes)).to(device)
    t = cfg["train"]
    criterion = nn.CrossEntropyLoss(label_smoothing=t["label_smoothing"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=t["lr"], weight_decay=t["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=t["epochs"])

    os.makedirs(cfg["output_dir"], exist_ok=True)
    best_acc, best_path = 0.0, os.path.join(cfg["output_dir"], "best.pt")
    for epoch in range(t["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * x.size(0)
        scheduler.step()

        acc = evaluate(model, test_loader, device)
        print(f"epoch {epoch + 1:02d} loss {running / len(train_loader.dataset):.4f} test_acc {acc:.4f}")
        if acc > best_acc:
            best_acc = acc
            torch.save(model.state_dict(), best_path)

    model.load_state_dict(torch.load(best_path, map_location=device))
    test_acc = evaluate(model, test_loader, device)
    print(f"best checkpoint test accuracy: {test_acc:.4f}")
    with open(os.path.join(cfg["output_dir"], "results.json"), "w") as f:
        json.dump({"test_acc": test_acc, "classes": classes}, f, indent=2)


if __name__ == "__main__":
    main()
