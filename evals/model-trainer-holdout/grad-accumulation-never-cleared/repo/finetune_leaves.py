"""Fine-tune ResNet-18 on the leaf-disease photos (ImageFolder layout with train/ val/ test/)."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

ACCUM_STEPS = 4


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def loaders(root, batch_size, seed):
    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.6, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm])
    gen = torch.Generator().manual_seed(seed)
    train_ds = datasets.ImageFolder(Path(root) / "train", train_tf)
    val_ds = datasets.ImageFolder(Path(root) / "val", eval_tf)
    test_ds = datasets.ImageFolder(Path(root) / "test", eval_tf)
    return (
        DataLoader(train_ds, batch_size=batch_size, shuffle=True, num_workers=4, generator=gen),
        DataLoader(val_ds, batch_size=64, num_workers=4),
        DataLoader(test_ds, batch_size=64, num_workers=4),
        train_ds.classes,
    )


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, labels = [], []
    for images, targets in loader:
        preds.append(model(images.to(device)).argmax(1).cpu())
        labels.append(targets)
    return torch.cat(labels).numpy(), torch.cat(preds).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/leaves")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_dl, val_dl, test_dl, classes = loaders(args.data, batch_size=16, seed=args.seed)

    model = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, len(classes))
    model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    best_f1, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for step, (images, targets) in enumerate(train_dl):
            loss = criterion(model(images.to(device)), targets.to(device)) / ACCUM_STEPS
            loss.backward()
            if (step + 1) % ACCUM_STEPS == 0:
                nn.utils.clip_grad_norm_(model.parameters(), max_norm=2.0)
                optimizer.step()
        scheduler.step()

        y_val, p_val = predict(model, val_dl, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch} val macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save(model.state_dict(), "resnet18_leaves_best.pt")
        else:
            stale += 1
            if stale == 5:
                break

    model.load_state_dict(torch.load("resnet18_leaves_best.pt", map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    print(classification_report(y_test, p_test, target_names=classes, digits=3))


if __name__ == "__main__":
    main()
