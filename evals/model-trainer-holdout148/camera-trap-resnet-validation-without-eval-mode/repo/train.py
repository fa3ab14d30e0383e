import argparse
import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader
from torchvision import models

from data import CameraTrapCrops, build_transforms

SPECIES = [
    "agouti", "bird", "coati", "collared_peccary", "deer", "ocelot", "opossum",
    "paca", "puma", "rabbit", "squirrel", "tamandua", "tapir", "white_lipped_peccary",
]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(arch, num_classes, dropout):
    net = getattr(models, arch)(weights="IMAGENET1K_V2")
    net.fc = nn.Sequential(nn.Dropout(dropout), nn.Linear(net.fc.in_features, num_classes))
    return net


def run_validation(model, loader, criterion, device):
    total_loss, preds, targets = 0.0, [], []
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            total_loss += criterion(logits, labels).item() * images.size(0)
            preds.append(logits.argmax(1).cpu())
            targets.append(labels.cpu())
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return (total_loss / len(targets),
            balanced_accuracy_score(targets, preds),
            f1_score(targets, preds, average="macro"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    seed_everything(cfg["train"]["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    label_map = {name: i for i, name in enumerate(SPECIES)}
    dcfg, tcfg = cfg["data"], cfg["train"]

    def make_loader(split, train):
        ds = CameraTrapCrops(dcfg[f"{split}_csv"], dcfg["image_root"], label_map,
                             build_transforms(dcfg["img_size"], train))
        return DataLoader(ds, batch_size=tcfg["batch_size"], shuffle=train,
                          num_workers=tcfg["num_workers"], pin_memory=True)

    train_loader = make_loader("train", True)
    val_loader = make_loader("val", False)
    test_loader = make_loader("test", False)

    model = build_model(cfg["model"]["arch"], len(SPECIES), cfg["model"]["dropout"]).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=tcfg["label_smoothing"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    os.makedirs(cfg["output_dir"], exist_ok=True)
    ckpt_path = os.path.join(cfg["output_dir"], "best.pt")
    best_f1 = -1.0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            running += loss.item() * images.size(0)
        scheduler.step()

        val_loss, val_bacc, val_f1 = run_validation(model, val_loader, criterion, device)
        print(f"epoch {epoch:02d} train_loss={running / len(train_loader.dataset):.4f} "
              f"val_loss={val_loss:.4f} val_bacc={val_bacc:.3f} val_f1={val_f1:.3f}")
        if val_f1 > best_f1:
            best_f1 = val_f1
            torch.save(model.state_dict(), ckpt_path)

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    _, test_bacc, test_f1 = run_validation(model, test_loader, criterion, device)
    print(f"held-out sites: balanced_acc={test_bacc:.3f} macro_f1={test_f1:.3f}")


if __name__ == "__main__":
    main()
