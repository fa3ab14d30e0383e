"""DenseNet-121 multi-label training on NIH ChestX-ray14 (CheXNet-style)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader
from torchvision import models, transforms as T

from cxr14 import LABELS
from cxr14.dataset import ChestXray14, load_entries
from cxr14.engine import evaluate, train_one_epoch

IMAGENET_MEAN, IMAGENET_STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/nih-cxr14")
    p.add_argument("--out", default="runs/chexnet")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--patience", type=int, default=3)
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args()


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    data_dir, out = Path(args.data_dir), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    trainval = load_entries(data_dir / "Data_Entry_2017.csv", data_dir / "train_val_list.txt")
    test = load_entries(data_dir / "Data_Entry_2017.csv", data_dir / "test_list.txt")
    gss = GroupShuffleSplit(n_splits=1, test_size=0.1, random_state=args.seed)
    tr_idx, va_idx = next(gss.split(trainval, groups=trainval["Patient ID"]))
    train, val = trainval.iloc[tr_idx], trainval.iloc[va_idx]

    train_tf = T.Compose([
        T.RandomResizedCrop(224, scale=(0.8, 1.0)), T.RandomHorizontalFlip(),
        T.ToTensor(), T.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    eval_tf = T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), T.Normalize(IMAGENET_MEAN, IMAGENET_STD)])
    img_dir = data_dir / "images"
    train_loader = DataLoader(ChestXray14(train, img_dir, train_tf), batch_size=args.batch_size, shuffle=True, num_workers=8)
    val_loader = DataLoader(ChestXray14(val, img_dir, eval_tf), batch_size=64, num_workers=8)
    test_loader = DataLoader(ChestXray14(test, img_dir, eval_tf), batch_size=64, num_workers=8)

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = models.densenet121(weights=models.DenseNet121_Weights.IMAGENET1K_V1, drop_rate=0.2)
    model.classifier = nn.Linear(model.classifier.in_features, len(LABELS))
    model = model.to(device)

    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999))
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.1, patience=1)

    best_loss, bad = float("inf"), 0
    for epoch in range(args.epochs):
        train_loss = train_one_epoch(model, train_loader, optimizer, criterion, device)
        val_loss, val_auc, _ = evaluate(model, val_loader, criterion, device)
        scheduler.step(val_loss)
        print(f"epoch {epoch}: train {train_loss:.4f} | val loss {val_loss:.4f} mean AUROC {val_auc:.4f}")
        if val_loss < best_loss:
            best_loss, bad = val_loss, 0
            torch.save(model.state_dict(), out / "chexnet_best.pt")
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load(out / "chexnet_best.pt", map_location=device))
    test_loss, test_auc, per_label = evaluate(model, test_loader, criterion, device)
    print(f"test mean AUROC {test_auc:.4f}")
    for name, auc in per_label.items():
        print(f"  {name:<20s} {auc:.4f}")
    (out / "test_auroc.json").write_text(json.dumps({"mean": test_auc, **per_label}, indent=2))


if __name__ == "__main__":
    main()
