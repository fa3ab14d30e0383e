"""Fine-tune ResNet-18 on cassava leaf photos (5 classes).

Layout: data/leaves/train/<class>/*.jpg and data/leaves/test/<class>/*.jpg (test is a separate field trial).
"""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, models, transforms

from engine import Engine

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=Path("data/leaves"))
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    augment = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.6, 1.0)), transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2), transforms.ToTensor(), transforms.Normalize(MEAN, STD),
    ])
    plain = transforms.Compose([
        transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), transforms.Normalize(MEAN, STD),
    ])
    # two views of the same folder so validation images get no augmentation
    train_view = datasets.ImageFolder(args.root / "train", transform=augment)
    valid_view = datasets.ImageFolder(args.root / "train", transform=plain)
    fit_idx, valid_idx = train_test_split(
        np.arange(len(train_view)), test_size=1 / 6, stratify=train_view.targets, random_state=args.seed
    )
    train_set, valid_set = Subset(train_view, fit_idx.tolist()), Subset(valid_view, valid_idx.tolist())
    test_set = datasets.ImageFolder(args.root / "test", transform=plain)

    loader_kw = {"batch_size": 64, "num_workers": 4}
    train_loader = DataLoader(train_set, shuffle=True, generator=torch.Generator().manual_seed(args.seed), **loader_kw)
    valid_loader = DataLoader(valid_set, **loader_kw)

    net = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    net.fc = nn.Linear(net.fc.in_features, len(train_view.classes))
    optimizer = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
    engine = Engine(net, optimizer, device, n_classes=len(train_view.classes))

    best_f1, stale, ckpt = -1.0, 0, Path("checkpoints/resnet18_leaves.pt")
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        train_loss = engine.train_one_epoch(train_loader)
        val = engine.evaluate(valid_loader)
        print(f"epoch {epoch:02d} train_loss {train_loss:.4f} val_loss {val.loss:.4f} val_acc {val.accuracy:.3f} val_f1 {val.macro_f1:.3f}")
        if val.macro_f1 > best_f1:
            best_f1, stale = val.macro_f1, 0
            torch.save(net.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    net.load_state_dict(torch.load(ckpt, map_location=device, weights_only=True))
    test = engine.evaluate(DataLoader(test_set, **loader_kw))
    majority_share = np.bincount(test_set.targets).max() / len(test_set)
    print(f"test acc {test.accuracy:.3f}  macro-F1 {test.macro_f1:.3f}  (majority-class acc {majority_share:.3f})")


if __name__ == "__main__":
    main()
