"""Linear evaluation of a BYOL ResNet-18 (CIFAR variant) on CIFAR-10 with a frozen backbone."""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--ckpt", required=True)
    p.add_argument("--data", default="./data")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.2)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_backbone(ckpt_path):
    net = torchvision.models.resnet18()
    net.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
    net.maxpool = nn.Identity()
    net.fc = nn.Identity()
    ckpt = torch.load(ckpt_path, map_location="cpu")
    prefix = "online_encoder."
    state = {k[len(prefix):]: v for k, v in ckpt["model"].items() if k.startswith(prefix)}
    net.load_state_dict(state)
    for p in net.parameters():
        p.requires_grad = False
    return net


@torch.no_grad()
def evaluate(backbone, head, loader, device):
    head.eval()
    correct, total = 0, 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        logits = head(backbone(x))
        correct += (logits.argmax(1) == y).sum().item()
        total += y.numel()
    return correct / total


def main():
    args = parse_args()
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_tf = T.Compose([
        T.RandomResizedCrop(32, scale=(0.2, 1.0)),
        T.RandomHorizontalFlip(),
        T.ToTensor(),
        T.Normalize(CIFAR_MEAN, CIFAR_STD),
    ])
    test_tf = T.Compose([T.ToTensor(), T.Normalize(CIFAR_MEAN, CIFAR_STD)])
    train_set = torchvision.datasets.CIFAR10(args.data, train=True, transform=train_tf, download=True)
    test_set = torchvision.datasets.CIFAR10(args.data, train=False, transform=test_tf, download=True)
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True,
                              num_workers=args.workers, drop_last=True, pin_memory=True)
    test_loader = DataLoader(test_set, batch_size=512, shuffle=False, num_workers=args.workers)

    # backbone stays in eval mode for the whole run so BN running stats are never touched
    backbone = build_backbone(args.ckpt).to(device).eval()
    head = nn.Linear(512, 10).to(device)
    optimizer = torch.optim.SGD(head.parameters(), lr=args.lr, momentum=0.9, weight_decay=0.0)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)

    best_acc, best_epoch = 0.0, -1
    for epoch in range(args.epochs):
        head.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.no_grad():
                feats = backbone(x)
            loss = F.cross_entropy(head(feats), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running += loss.item()
        scheduler.step()

        acc = evaluate(backbone, head, test_loader, device)
        if acc > best_acc:
            best_acc, best_epoch = acc, epoch
            torch.save(head.state_dict(), "linear_head_best.pt")
        print(f"epoch {epoch:3d}  loss {running / len(train_loader):.4f}  "
              f"test acc {acc:.4f}  (best {best_acc:.4f} @ {best_epoch})")

    print(f"BYOL linear eval top-1: {best_acc * 100:.2f}% (epoch {best_epoch})")


if __name__ == "__main__":
    main()
