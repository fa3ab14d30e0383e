"""HAM10000 skin-lesion classification (7 classes) with an EfficientNet-B0 backbone."""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]


class LesionDataset(Dataset):
    def __init__(self, frame, image_root, transform):
        self.paths = [Path(image_root) / f"{i}.jpg" for i in frame["image_id"]]
        self.labels = frame["dx"].map(CLASSES.index).to_numpy()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.transform(img), int(self.labels[i])


def lesion_split(meta, seed):
    # several dermoscopic images per lesion: keep each lesion in one split
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(meta, meta["dx"], meta["lesion_id"]))
    dev = meta.iloc[dev_idx].reset_index(drop=True)
    tr_idx, val_idx = next(sgkf.split(dev, dev["dx"], dev["lesion_id"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], meta.iloc[test_idx]


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for images, labels in loader:
        logits = model(images.to(device))
        preds.append(logits.argmax(1).cpu())
        targets.append(labels)
    return torch.cat(targets).numpy(), torch.cat(preds).numpy()


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    meta = pd.read_csv(Path(args.data_root) / "HAM10000_metadata.csv")
    train_df, val_df, test_df = lesion_split(meta, args.seed)

    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.1, 0.02),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm])
    image_root = Path(args.data_root) / "images"
    train_loader = DataLoader(LesionDataset(train_df, image_root, train_tf), batch_size=args.batch_size,
                              shuffle=True, num_workers=6, drop_last=True)
    val_loader = DataLoader(LesionDataset(val_df, image_root, eval_tf), batch_size=64, num_workers=6)
    test_loader = DataLoader(LesionDataset(test_df, image_root, eval_tf), batch_size=64, num_workers=6)

    counts = train_df["dx"].value_counts().reindex(CLASSES).to_numpy()
    class_weights = torch.tensor(counts.sum() / (len(CLASSES) * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=class_weights, label_smoothing=0.05)

    model = timm.create_model("efficientnet_b0", pretrained=True, num_classes=len(CLASSES), drop_rate=0.3)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=len(train_loader)
    )

    best_bacc, stale = 0.0, 0
    ckpt_path = Path(args.out_dir) / "effnet_b0_best.pt"
    ckpt_path.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        epoch_loss = 0.0
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            scheduler.step()
            epoch_loss += loss.item()

        y_val, p_val = predict(model, val_loader, device)
        bacc = balanced_accuracy_score(y_val, p_val)
        macro_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch + 1}: loss={epoch_loss / len(train_loader):.4f} val_bacc={bacc:.4f} val_macroF1={macro_f1:.4f}")
        if bacc > best_bacc:
            best_bacc, stale = bacc, 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    y_test, p_test = predict(model, test_loader, device)
    print(f"test balanced accuracy: {balanced_accuracy_score(y_test, p_test):.4f}")
    print(f"test macro F1: {f1_score(y_test, p_test, average='macro'):.4f}")
    print(classification_report(y_test, p_test, target_names=CLASSES, digits=3))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-root", default="data/ham10000")
    parser.add_argument("--out-dir", default="checkpoints")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=48)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    main(parser.parse_args())
