import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import wandb
from torch.utils.data import DataLoader, Subset

from src.data import LeafDataset, build_transforms
from src.engine import evaluate, train_one_epoch
from src.model import LeafNet
from src.utils import EarlyStopper, seed_everything

# wandb.login()  # interactive login doesn't work on the cluster nodes
wandb.login(key="8c2f61d0a9b34e7f15c2d8e06b9a4f37c1d5e290")


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/leaves")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--bs", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--out", default="runs/leafnet")
    return p.parse_args()


def main():
    args = get_args()
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    run = wandb.init(project="leaf-disease", config=vars(args))

    full_train = LeafDataset(os.path.join(args.root, "train"), transform=build_transforms(train=True))
    full_train_noaug = LeafDataset(os.path.join(args.root, "train"), transform=build_transforms(train=False))
    test_ds = LeafDataset(os.path.join(args.root, "test"), transform=build_transforms(train=False))
    n_val = int(0.15 * len(full_train))
    perm = torch.randperm(len(full_train), generator=torch.Generator().manual_seed(args.seed)).tolist()
    train_ds, val_ds = Subset(full_train, perm[n_val:]), Subset(full_train_noaug, perm[:n_val])

    train_dl = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=128, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=128, num_workers=4)

    model = LeafNet(n_classes=full_train.n_classes).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    stopper = EarlyStopper(patience=6, mode="min")
    os.makedirs(args.out, exist_ok=True)
    best_path = os.path.join(args.out, "best.pt")

    # majority-class baseline, for reference
    counts = np.bincount([full_train.targets[i] for i in train_ds.indices], minlength=full_train.n_classes)
    print(f"majority-class val accuracy ~ {counts.max() / counts.sum():.3f}")

    for epoch in range(args.epochs):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion, device, grad_clip=1.0)
        val = evaluate(model, val_dl, criterion, device, n_classes=full_train.n_classes)
        scheduler.step()
        wandb.log({"epoch": epoch, "train/loss": tr_loss, **{f"val/{k}": v for k, v in val.items()}})
        print(f"[{epoch:02d}] train {tr_loss:.4f} | val loss {val['loss']:.4f} acc {val['acc']:.4f} f1 {val['macro_f1']:.4f}")
        if stopper.improved(val["loss"]):
            torch.save(model.state_dict(), best_path)
        if stopper.should_stop:
            print("early stopping")
            break

    model.load_state_dict(torch.load(best_path, map_location=device))
    test = evaluate(model, test_dl, criterion, device, n_classes=full_train.n_classes)
    print("TEST", test)
    wandb.log({f"test/{k}": v for k, v in test.items()})
    run.finish()


if __name__ == "__main__":
    main()
