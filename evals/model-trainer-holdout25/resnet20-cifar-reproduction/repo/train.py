"""
Reproducing the ResNet-20 CIFAR-10 number from "Deep Residual Learning for Image Recognition"
(reported test error 8.75%). Hyper-parameters follow the paper: SGD, lr 0.1, momentum 0.9,
wd 1e-4, batch 128, lr /10 at 32k and 48k iterations (~ epochs 82 and 123), 164 epochs.
"""
import argparse
import json
import os

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T
from tqdm import tqdm

from models import ResNetCifar
from utils import AverageMeter, evaluate, seed_everything

MEAN, STD = (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)


def get_loaders(root, batch_size, workers):
    train_tf = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize(MEAN, STD)])
    test_tf = T.Compose([T.ToTensor(), T.Normalize(MEAN, STD)])
    train_set = torchvision.datasets.CIFAR10(root, train=True, download=True, transform=train_tf)
    test_set = torchvision.datasets.CIFAR10(root, train=False, download=True, transform=test_tf)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size, shuffle=True, num_workers=workers, drop_last=True)
    test_loader = torch.utils.data.DataLoader(test_set, 256, shuffle=False, num_workers=workers)
    return train_loader, test_loader


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-root", default="./data")
    p.add_argument("--epochs", type=int, default=164)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--patience", type=int, default=30)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt-dir", default="checkpoints")
    args = p.parse_args()

    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_loader, test_loader = get_loaders(args.data_root, args.batch_size, workers=4)

    model = ResNetCifar(depth=20).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[82, 123], gamma=0.1)

    os.makedirs(args.ckpt_dir, exist_ok=True)
    best_acc, bad_epochs, history = 0.0, 0, []
    for epoch in range(args.epochs):
        model.train()
        meter = AverageMeter()
        for images, labels in tqdm(train_loader, desc=f"epoch {epoch}", leave=False):
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            meter.update(loss.item(), labels.size(0))
        scheduler.step()

        val_loss, val_acc = evaluate(model, test_loader, device)
        history.append({"epoch": epoch, "train_loss": meter.avg, "val_loss": val_loss, "val_acc": val_acc})
        print(f"epoch {epoch:3d} train_loss {meter.avg:.4f} val_loss {val_loss:.4f} val_acc {val_acc:.4f}")
        if val_acc > best_acc:
            best_acc, bad_epochs = val_acc, 0
            torch.save(model.state_dict(), os.path.join(args.ckpt_dir, "resnet20_best.pt"))
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print("early stopping")
                break

    print(f"best top-1 accuracy {best_acc:.4f} -> error {100 * (1 - best_acc):.2f}% (paper: 8.75%)")
    with open(os.path.join(args.ckpt_dir, "history.json"), "w") as fh:
        json.dump({"best_acc": best_acc, "history": history}, fh, indent=1)


if __name__ == "__main__":
    main()
