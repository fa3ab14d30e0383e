"""EuroSAT RGB land-cover classification: ImageNet ResNet-50 with a new MLP head."""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import cohen_kappa_score, f1_score
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision import datasets, models, transforms
from tqdm import tqdm

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class TransformedSubset(Dataset):
    """random_split returns Subsets that share the parent's transform; wrap them to use different ones."""

    def __init__(self, subset, transform):
        self.subset = subset
        self.transform = transform

    def __len__(self):
        return len(self.subset)

    def __getitem__(self, idx):
        img, label = self.subset[idx]
        return self.transform(img), label


def build_model(num_classes):
    model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    model.fc = nn.Sequential(
        nn.Linear(model.fc.in_features, 512),
        nn.BatchNorm1d(512),
        nn.ReLU(inplace=True),
        nn.Dropout(0.4),
        nn.Linear(512, num_classes),
    )
    return model


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for images, labels in tqdm(loader, leave=False):
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


def evaluate(model, loader, criterion, device):
    total_loss, n = 0.0, 0
    all_preds, all_labels = [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        outputs = model(images)
        total_loss += criterion(outputs, labels).item() * labels.size(0)
        n += labels.size(0)
        all_preds.append(outputs.argmax(dim=1).cpu())
        all_labels.append(labels.cpu())
    preds, labels = torch.cat(all_preds).numpy(), torch.cat(all_labels).numpy()
    return {
        "loss": total_loss / n,
        "acc": float((preds == labels).mean()),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "kappa": cohen_kappa_score(labels, preds),
    }


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    full = datasets.EuroSAT(root=args.root, download=True)
    n_test = int(0.15 * len(full))
    n_val = int(0.15 * len(full))
    n_train = len(full) - n_val - n_test
    train_sub, val_sub, test_sub = random_split(
        full, [n_train, n_val, n_test], generator=torch.Generator().manual_seed(args.seed))

    train_tf = transforms.Compose([
        transforms.Resize(224),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.RandomApply([transforms.RandomRotation((90, 90))], p=0.5),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(224),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    train_dl = DataLoader(TransformedSubset(train_sub, train_tf), batch_size=64, shuffle=True, num_workers=6)
    val_dl = DataLoader(TransformedSubset(val_sub, eval_tf), batch_size=128, num_workers=6)
    test_dl = DataLoader(TransformedSubset(test_sub, eval_tf), batch_size=128, num_workers=6)

    model = build_model(len(full.classes)).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.3, patience=2)

    best_f1, stale = 0.0, 0
    for epoch in range(args.epochs):
        train_loss = train_one_epoch(model, train_dl, criterion, optimizer, device)
        val = evaluate(model, val_dl, criterion, device)
        scheduler.step(val["macro_f1"])
        print(f"epoch {epoch + 1}: train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
              f"val_acc={val['acc']:.4f} val_f1={val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.checkpoint, map_location=device))
    test = evaluate(model, test_dl, criterion, device)
    print("test:", {k: round(v, 4) for k, v in test.items()})


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data")
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--patience", type=int, default=4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--checkpoint", default="eurosat_resnet50_best.pt")
    main(p.parse_args())
