"""HAM10000 EfficientNet-B0 (torchvision) with class-balanced sampling.

usage: python train_sampler.py --data data/HAM10000 --epochs 20
"""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset, WeightedRandomSampler
from torchvision import models, transforms

LABELS = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]


class Ham(Dataset):
    def __init__(self, frame, root, tf):
        self.files = [root / "images" / f"{i}.jpg" for i in frame.image_id]
        self.y = frame.label.to_numpy()
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return self.tf(Image.open(self.files[i]).convert("RGB")), self.y[i]


def evaluate(model, loader, device):
    model.eval()
    ps, ys = [], []
    with torch.no_grad():
        for x, y in loader:
            ps.append(torch.softmax(model(x.to(device)), dim=1).cpu())
            ys.append(y)
    return torch.cat(ps).numpy(), torch.cat(ys).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("data/HAM10000"))
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(args.data / "HAM10000_metadata.csv")
    df["label"] = df.dx.map({c: i for i, c in enumerate(LABELS)})
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    dev_idx, test_idx = next(sgkf.split(df, df.label, groups=df.lesion_id))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
    tr_idx, va_idx = next(gss.split(dev, groups=dev.lesion_id))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

    # draw each dx roughly equally often per epoch
    class_freq = train.label.value_counts().sort_index().to_numpy()
    sample_w = 1.0 / class_freq[train.label.to_numpy()]
    sampler = WeightedRandomSampler(torch.as_tensor(sample_w, dtype=torch.double), num_samples=len(train),
                                    replacement=True, generator=torch.Generator().manual_seed(args.seed))

    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.6, 1.0)), transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(), transforms.RandomRotation(180),
        transforms.ColorJitter(0.15, 0.15, 0.1, 0.02), transforms.ToTensor(), norm,
    ])
    eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm])

    train_dl = DataLoader(Ham(train, args.data, train_tf), batch_size=args.bs, sampler=sampler, num_workers=6)
    val_dl = DataLoader(Ham(val, args.data, eval_tf), batch_size=128, num_workers=6)
    test_dl = DataLoader(Ham(test, args.data, eval_tf), batch_size=128, num_workers=6)

    model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, len(LABELS))
    model.to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4, nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)

    best, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            criterion(model(x), y).backward()
            optimizer.step()
        scheduler.step()
        p, yv = evaluate(model, val_dl, device)
        bacc = balanced_accuracy_score(yv, p.argmax(1))
        print(f"epoch {epoch + 1}: val balanced acc {bacc:.4f}")
        if bacc > best:
            best, best_state = bacc, {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    torch.save(best_state, "effb0_ham_sampler.pt")
    p, yt = evaluate(model, test_dl, device)
    print(f"test balanced acc {balanced_accuracy_score(yt, p.argmax(1)):.4f} | macro AUC {roc_auc_score(yt, p, multi_class='ovr'):.4f}")
    print(classification_report(yt, p.argmax(1), target_names=LABELS, digits=3))


if __name__ == "__main__":
    main()
