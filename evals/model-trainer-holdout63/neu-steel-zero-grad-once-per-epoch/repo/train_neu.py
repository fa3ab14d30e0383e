"""NEU-CLS hot-rolled steel surface defects (6 classes x 300 grayscale images), timm ConvNeXt fine-tune."""
import argparse
import json
import os
import random
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

CLASSES = ["crazing", "inclusion", "patches", "pitted_surface", "rolled-in_scale", "scratches"]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


class NEUDataset(Dataset):
    def __init__(self, frame, transform):
        self.frame = frame.reset_index(drop=True)
        self.transform = transform

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, idx):
        row = self.frame.iloc[idx]
        img = Image.open(row.path).convert("L").convert("RGB")
        return self.transform(img), int(row.label)


def index_images(root):
    rows = [{"path": str(p), "label": CLASSES.index(p.stem.rsplit("_", 1)[0])}
            for p in sorted(Path(root).glob("*.bmp"))]
    return pd.DataFrame(rows)


def train_one_epoch(model, loader, optimizer, scheduler, criterion, scaler, device):
    model.train()
    optimizer.zero_grad()
    running = 0.0
    for images, labels in loader:
        images = images.to(device, non_blocking=True)
        labels = labels.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            logits = model(images)
            loss = criterion(logits, labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        scheduler.step()
        running += loss.item()
    return running / len(loader)


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for images, labels in loader:
        preds.append(model(images.to(device)).argmax(1).cpu())
        targets.append(labels)
    return torch.cat(targets).numpy(), torch.cat(preds).numpy()


def main(args):
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = index_images(args.data_dir)
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df.label, random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df.label, random_state=args.seed)

    model = timm.create_model("convnext_tiny.fb_in22k", pretrained=True, num_classes=len(CLASSES))
    cfg = model.pretrained_cfg
    norm = transforms.Normalize(cfg["mean"], cfg["std"])
    train_tf = transforms.Compose([
        transforms.Resize(224),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.RandomAffine(degrees=10, translate=(0.05, 0.05)),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([transforms.Resize(224), transforms.ToTensor(), norm])

    train_dl = DataLoader(NEUDataset(train_df, train_tf), batch_size=32, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(NEUDataset(val_df, eval_tf), batch_size=64, num_workers=4)
    test_dl = DataLoader(NEUDataset(test_df, eval_tf), batch_size=64, num_workers=4)

    model.to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                    steps_per_epoch=len(train_dl), pct_start=0.1)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(args.epochs):
        loss = train_one_epoch(model, train_dl, optimizer, scheduler, criterion, scaler, device)
        y_val, p_val = predict(model, val_dl, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch + 1:02d} loss={loss:.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best:
            best, wait = val_f1, 0
            torch.save(model.state_dict(), out / "convnext_neu.pt")
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(out / "convnext_neu.pt", map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    report = classification_report(y_test, p_test, target_names=CLASSES, output_dict=True)
    print(classification_report(y_test, p_test, target_names=CLASSES, digits=4))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="data/NEU-CLS")
    parser.add_argument("--out-dir", default="runs/neu_convnext")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--patience", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2024)
    main(parser.parse_args())
