"""Mitotic figure vs. imposter classification on 128px patches cut around candidate detections.

Positives are ~4% of candidates. Patches from one slide never cross the train/val/test boundary.
"""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from imblearn.over_sampling import RandomOverSampler
from PIL import Image
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms as T


class CandidatePatches(Dataset):
    def __init__(self, df, root, transform):
        self.paths = [Path(root) / p for p in df["patch_path"]]
        self.labels = df["is_mitosis"].to_numpy(dtype=np.float32)
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


def slide_split(df, seed):
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, df["is_mitosis"], df["slide_id"]))
    dev = df.iloc[dev_idx].reset_index(drop=True)
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, dev["is_mitosis"], dev["slide_id"]))
    return dev.iloc[tr_idx].reset_index(drop=True), dev.iloc[va_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    return torch.cat([torch.sigmoid(model(x.to(device))).squeeze(1).cpu() for x, _ in loader]).numpy()


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.cuda.manual_seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    candidates = pd.read_csv(args.candidates)
    train_df, val_df, test_df = slide_split(candidates, args.seed)
    print("positives train/val/test:", train_df.is_mitosis.sum(), val_df.is_mitosis.sum(), test_df.is_mitosis.sum())

    ros = RandomOverSampler(sampling_strategy=0.25, random_state=args.seed)
    train_bal, _ = ros.fit_resample(train_df, train_df["is_mitosis"])
    print(f"training rows after oversampling: {len(train_bal)} (was {len(train_df)})")

    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = T.Compose([
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.RandomRotation(180),
        T.ColorJitter(0.15, 0.15, 0.15, 0.04), T.ToTensor(), norm,
    ])
    eval_tf = T.Compose([T.ToTensor(), norm])
    train_loader = DataLoader(CandidatePatches(train_bal, args.root, train_tf), batch_size=args.bs, shuffle=True, num_workers=8)
    val_loader = DataLoader(CandidatePatches(val_df, args.root, eval_tf), batch_size=256, num_workers=8)
    test_loader = DataLoader(CandidatePatches(test_df, args.root, eval_tf), batch_size=256, num_workers=8)

    model = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, 1)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    criterion = nn.BCEWithLogitsLoss()

    best_ap, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        val_ap = average_precision_score(val_df.is_mitosis, score(model, val_loader, device))
        print(f"epoch {epoch}: val AP {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    val_prob = score(model, val_loader, device)
    grid = np.linspace(0.02, 0.98, 97)
    thr = grid[np.argmax([f1_score(val_df.is_mitosis, val_prob >= g) for g in grid])]

    test_prob = score(model, test_loader, device)
    y_test = test_df.is_mitosis.values
    print(f"threshold (val F1) {thr:.2f}")
    print(f"test AP {average_precision_score(y_test, test_prob):.4f}  AUROC {roc_auc_score(y_test, test_prob):.4f}")
    print(f"test F1 {f1_score(y_test, test_prob >= thr):.4f}  precision {precision_score(y_test, test_prob >= thr):.4f}"
          f"  recall {recall_score(y_test, test_prob >= thr):.4f}")

    prior = DummyClassifier(strategy="prior").fit(np.zeros((len(train_df), 1)), train_df.is_mitosis)
    print(f"prior baseline AP {average_precision_score(y_test, prior.predict_proba(np.zeros((len(y_test), 1)))[:, 1]):.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--candidates", default="data/midog/candidates.csv")
    p.add_argument("--root", default="data/midog/patches128")
    p.add_argument("--ckpt", default="checkpoints/mitosis_r18.pt")
    p.add_argument("--bs", type=int, default=128)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--seed", type=int, default=77)
    main(p.parse_args())
