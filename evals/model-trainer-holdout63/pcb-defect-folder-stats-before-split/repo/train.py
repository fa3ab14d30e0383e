"""Fine-tune ResNet-18 on the PCB defect crops exported from the AOI station (6 defect classes)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from torchvision import models, transforms

from pcbdefects.dataset import DefectCropDataset, list_images
from pcbdefects.stats import channel_mean_std

CLASSES = ["missing_hole", "mouse_bite", "open_circuit", "short", "spur", "spurious_copper"]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(num_classes):
    model = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, num_classes)
    return model


def run_epoch(model, loader, criterion, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total_loss, preds, targets = 0.0, [], []
    with torch.set_grad_enabled(training):
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            loss = criterion(logits, labels)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * images.size(0)
            preds.extend(logits.argmax(1).cpu().tolist())
            targets.extend(labels.cpu().tolist())
    return total_loss / len(loader.dataset), preds, targets


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    paths, labels = list_images(args.data_dir, CLASSES)
    mean, std = channel_mean_std(paths, size=args.img_size)
    print(f"{len(paths)} crops, channel mean={mean} std={std}")

    train_p, test_p, train_y, test_y = train_test_split(
        paths, labels, test_size=0.15, stratify=labels, random_state=args.seed)
    train_p, val_p, train_y, val_y = train_test_split(
        train_p, train_y, test_size=0.15, stratify=train_y, random_state=args.seed)

    normalize = transforms.Normalize(mean, std)
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(args.img_size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.ColorJitter(brightness=0.2, contrast=0.2),
        transforms.ToTensor(),
        normalize,
    ])
    eval_tf = transforms.Compose([
        transforms.Resize((args.img_size, args.img_size)),
        transforms.ToTensor(),
        normalize,
    ])

    train_dl = DataLoader(DefectCropDataset(train_p, train_y, train_tf), batch_size=args.batch_size,
                          shuffle=True, num_workers=4)
    val_dl = DataLoader(DefectCropDataset(val_p, val_y, eval_tf), batch_size=args.batch_size, num_workers=4)
    test_dl = DataLoader(DefectCropDataset(test_p, test_y, eval_tf), batch_size=args.batch_size, num_workers=4)

    model = build_model(len(CLASSES)).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)

    best_f1, bad_epochs = -1.0, 0
    ckpt_path = out_dir / "resnet18_pcb_best.pt"
    for epoch in range(1, args.epochs + 1):
        train_loss, _, _ = run_epoch(model, train_dl, criterion, device, optimizer)
        val_loss, val_pred, val_true = run_epoch(model, val_dl, criterion, device)
        scheduler.step()
        val_f1 = f1_score(val_true, val_pred, average="macro")
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_loss={val_loss:.4f} val_f1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, bad_epochs = val_f1, 0
            torch.save({"model": model.state_dict(), "mean": mean, "std": std, "classes": CLASSES}, ckpt_path)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device)["model"])
    _, test_pred, test_true = run_epoch(model, test_dl, criterion, device)
    report = classification_report(test_true, test_pred, target_names=CLASSES, digits=4)
    metrics = {
        "macro_f1": f1_score(test_true, test_pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(test_true, test_pred),
    }
    print(report)
    print(metrics)
    (out_dir / "test_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="data/pcb_crops")
    parser.add_argument("--out-dir", default="runs/resnet18_pcb")
    parser.add_argument("--img-size", type=int, default=224)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    main(parser.parse_args())
