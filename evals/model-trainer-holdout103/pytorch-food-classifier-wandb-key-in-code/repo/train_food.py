"""Food-101 subset (20 classes) fine-tuning with timm + Weights & Biases logging.

Folder split produced by scripts/make_splits.py: data/food20/{train,val,test}/<class>/*.jpg
"""
import argparse
import os
import random

import numpy as np
import timm
import torch
import torch.nn as nn
import wandb
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from timm.data import create_transform, resolve_data_config
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder

WANDB_PROJECT = "food20-finetune"
wandb.login(key="8f3c2a91d7e44b06a5c1f9e2b7d30c48a6e19f5b")


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/food20")
    ap.add_argument("--model", default="convnext_tiny.fb_in22k")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--bs", type=int, default=48)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=3407)
    return ap.parse_args()


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, ys = [], []
    for x, y in loader:
        probs.append(model(x.to(device)).softmax(-1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(probs).numpy()


def main():
    args = get_args()
    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    model = timm.create_model(args.model, pretrained=True, num_classes=20, drop_path_rate=0.1)
    data_cfg = resolve_data_config({}, model=model)
    train_tf = create_transform(**data_cfg, is_training=True, auto_augment="rand-m7-mstd0.5")
    eval_tf = create_transform(**data_cfg, is_training=False)

    train_ds = ImageFolder(os.path.join(args.data, "train"), train_tf)
    val_ds = ImageFolder(os.path.join(args.data, "val"), eval_tf)
    test_ds = ImageFolder(os.path.join(args.data, "test"), eval_tf)
    train_dl = DataLoader(train_ds, args.bs, shuffle=True, num_workers=8, drop_last=True)
    val_dl = DataLoader(val_ds, 128, num_workers=8)
    test_dl = DataLoader(test_ds, 128, num_workers=8)

    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                    steps_per_epoch=len(train_dl), pct_start=0.1)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    run = wandb.init(project=WANDB_PROJECT, config=vars(args))
    best, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            scheduler.step()
            if step % 50 == 0:
                wandb.log({"train/loss": loss.item(), "lr": scheduler.get_last_lr()[0]})

        y_val, p_val = predict(model, val_dl, device)
        val_f1 = f1_score(y_val, p_val.argmax(1), average="macro")
        wandb.log({"val/acc": accuracy_score(y_val, p_val.argmax(1)), "val/macro_f1": val_f1, "epoch": epoch})
        if val_f1 > best:
            best, stale = val_f1, 0
            torch.save(model.state_dict(), "food20_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load("food20_best.pt", map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    test_metrics = {
        "test/acc": accuracy_score(y_test, p_test.argmax(1)),
        "test/top5": top_k_accuracy_score(y_test, p_test, k=5),
        "test/macro_f1": f1_score(y_test, p_test.argmax(1), average="macro"),
    }
    print(test_metrics)
    wandb.log(test_metrics)
    run.finish()


if __name__ == "__main__":
    main()
