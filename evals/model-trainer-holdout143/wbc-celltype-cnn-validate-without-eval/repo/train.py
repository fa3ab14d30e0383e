"""Train LeukoNet on donor-split folders: data/wbc/{train,val,test}/<class>/*.jpg"""
import argparse
import json
import os

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import balanced_accuracy_score, classification_report
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from model import LeukoNet

MEAN, STD = (0.80, 0.66, 0.71), (0.16, 0.22, 0.12)  # measured on the train folder


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/wbc")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default="checkpoints/leukonet")
    return ap.parse_args()


def validate(model, loader, criterion, device):
    total_loss, preds, targets = 0.0, [], []
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            total_loss += criterion(logits, y).item() * x.size(0)
            preds.append(logits.argmax(1).cpu())
            targets.append(y.cpu())
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return total_loss / len(loader.dataset), balanced_accuracy_score(targets, preds), preds, targets


def main():
    args = get_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    os.makedirs(args.out, exist_ok=True)

    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(96, scale=(0.8, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.RandomRotation(180),
        transforms.ColorJitter(0.1, 0.1, 0.1, 0.02),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(96), transforms.CenterCrop(96), transforms.ToTensor(), transforms.Normalize(MEAN, STD),
    ])
    train_ds = datasets.ImageFolder(os.path.join(args.root, "train"), train_tf)
    val_ds = datasets.ImageFolder(os.path.join(args.root, "val"), eval_tf)
    test_ds = datasets.ImageFolder(os.path.join(args.root, "test"), eval_tf)
    train_dl = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=128, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=128, num_workers=4)

    counts = np.bincount(train_ds.targets)
    weights = torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float32, device=device)
    model = LeukoNet(n_classes=len(train_ds.classes)).to(device)
    criterion = nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=4)

    best_bacc = 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        val_loss, val_bacc, _, _ = validate(model, val_dl, criterion, device)
        scheduler.step(val_bacc)
        print(f"epoch {epoch:02d}  val_loss {val_loss:.4f}  val_bacc {val_bacc:.4f}")
        if val_bacc > best_bacc:
            best_bacc = val_bacc
            torch.save(model.state_dict(), os.path.join(args.out, "best.pt"))

    model.load_state_dict(torch.load(os.path.join(args.out, "best.pt"), map_location=device))
    _, test_bacc, preds, targets = validate(model, test_dl, criterion, device)
    print(classification_report(targets, preds, target_names=train_ds.classes, digits=3))
    with open(os.path.join(args.out, "test_metrics.json"), "w") as fh:
        json.dump({"best_val_bacc": best_bacc, "test_bacc": test_bacc}, fh, indent=2)


if __name__ == "__main__":
    main()
