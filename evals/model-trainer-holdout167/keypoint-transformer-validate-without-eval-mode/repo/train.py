import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import N_POINTS, SignClips
from model import KeypointTransformer


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, optimizer, scheduler, criterion, device):
    model.train()
    total = 0.0
    for x, mask, y in loader:
        x, mask, y = x.to(device), mask.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x, mask.any(-1)), y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        total += loss.item() * y.size(0)
    return total / len(loader.dataset)


def validate(model, loader, device):
    correct, n = 0, 0
    with torch.no_grad():
        for x, mask, y in loader:
            x, mask, y = x.to(device), mask.to(device), y.to(device)
            logits = model(x, mask.any(-1))
            correct += (logits.argmax(1) == y).sum().item()
            n += y.size(0)
    return correct / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default="data/index.json")  # split assigned per signer in make_index.py
    ap.add_argument("--num-classes", type=int, default=250)
    ap.add_argument("--epochs", type=int, default=80)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl = DataLoader(SignClips(args.index, "train"), batch_size=128, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(SignClips(args.index, "val"), batch_size=256, num_workers=4)
    test_dl = DataLoader(SignClips(args.index, "test"), batch_size=256, num_workers=4)

    model = KeypointTransformer(N_POINTS * 2, args.num_classes).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.epochs * len(train_dl))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    best = 0.0
    for epoch in range(args.epochs):
        loss = train_one_epoch(model, train_dl, optimizer, scheduler, criterion, device)
        acc = validate(model, val_dl, device)
        print(f"epoch {epoch:3d} loss {loss:.4f} val_acc {acc:.4f}")
        if acc > best:
            best = acc
            torch.save(model.state_dict(), "checkpoints/best.pt")

    model.load_state_dict(torch.load("checkpoints/best.pt", map_location=device))
    print(f"best val acc {best:.4f} | test acc {validate(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
