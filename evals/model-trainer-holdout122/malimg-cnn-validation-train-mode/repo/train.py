import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report

from data import make_loaders
from model import MalwareCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, opt, loss_fn, device):
    model.train()
    running = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        running += loss.item() * x.size(0)
    return running / len(loader.dataset)


def evaluate(model, loader, device):
    preds, labels = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            preds.append(logits.argmax(1).cpu())
            labels.append(y)
    preds, labels = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return (preds == labels).mean(), preds, labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/malimg_paper_dataset_imgs")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loaders, classes = make_loaders(args.root, args.bs, args.seed)

    model = MalwareCNN(n_classes=len(classes)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_acc = 0.0
    for epoch in range(1, args.epochs + 1):
        tr_loss = train_one_epoch(model, loaders["train"], opt, loss_fn, device)
        val_acc, _, _ = evaluate(model, loaders["val"], device)
        sched.step()
        print(f"epoch {epoch:02d} train_loss={tr_loss:.4f} val_acc={val_acc:.4f}")
        if val_acc > best_acc:
            best_acc = val_acc
            torch.save(model.state_dict(), "malimg_cnn_best.pt")

    model.load_state_dict(torch.load("malimg_cnn_best.pt", map_location=device))
    test_acc, preds, labels = evaluate(model, loaders["test"], device)
    print(f"best val acc {best_acc:.4f} | test acc {test_acc:.4f}")
    print(classification_report(labels, preds, target_names=classes, digits=3))


if __name__ == "__main__":
    main()
