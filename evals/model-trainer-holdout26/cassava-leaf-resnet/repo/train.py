import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from torchvision.models import ResNet50_Weights, resnet50

from leafnet.data import LeafImages, make_transforms
from leafnet.engine import evaluate, train_one_epoch


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/cassava")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ckpt-dir", default="checkpoints")
    args = ap.parse_args()

    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    root = Path(args.root)
    meta = pd.read_csv(root / "train.csv")

    trainval, test = train_test_split(meta, test_size=0.15, stratify=meta["label"], random_state=args.seed)
    train, val = train_test_split(trainval, test_size=0.15, stratify=trainval["label"], random_state=args.seed)

    train_tf, eval_tf = make_transforms()
    img_dir = root / "train_images"
    loaders = {
        "train": DataLoader(LeafImages(train, img_dir, train_tf), batch_size=args.bs, shuffle=True, num_workers=4),
        "val": DataLoader(LeafImages(val, img_dir, eval_tf), batch_size=args.bs * 2, num_workers=4),
        "test": DataLoader(LeafImages(test, img_dir, eval_tf), batch_size=args.bs * 2, num_workers=4),
    }

    model = resnet50(weights=ResNet50_Weights.IMAGENET1K_V2)
    model.fc = nn.Linear(model.fc.in_features, meta["label"].nunique())
    model.to(device)

    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=len(loaders["train"])
    )

    # majority-class reference point for the val metrics
    majority = train["label"].value_counts(normalize=True).iloc[0]
    print(f"majority-class val accuracy ~ {majority:.3f}")

    ckpt_dir = Path(args.ckpt_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(args.epochs):
        tr_loss = train_one_epoch(model, loaders["train"], criterion, optimizer, scheduler, device)
        val_m = evaluate(model, loaders["val"], criterion, device)
        print(f"epoch {epoch:02d} train_loss={tr_loss:.4f} val={json.dumps(val_m)}")
        if val_m["macro_f1"] > best_f1:
            best_f1, bad_epochs = val_m["macro_f1"], 0
            torch.save(model.state_dict(), ckpt_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device))
    test_m = evaluate(model, loaders["test"], criterion, device)
    print("test:", json.dumps(test_m))


if __name__ == "__main__":
    main()
