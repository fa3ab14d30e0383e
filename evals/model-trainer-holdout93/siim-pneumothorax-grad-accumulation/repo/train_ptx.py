"""Pneumothorax classification on SIIM-ACR at 1024px with gradient accumulation.

The 1024x1024 inputs only fit 4 images per GPU, so gradients are accumulated
over ACCUM_STEPS micro-batches to get an effective batch of 32.
"""
import os
import random

import cv2
import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from torch.utils.data import DataLoader, Dataset

SEED = 3407
IMG_DIR = "data/siim/png_1024"
MICRO_BATCH = 4
ACCUM_STEPS = 8
EPOCHS = 15
PATIENCE = 4
LR = 1e-4


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class PTXDataset(Dataset):
    def __init__(self, df, train):
        self.ids = df["ImageId"].values
        self.labels = df["has_ptx"].values.astype(np.float32)
        self.train = train

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        img = cv2.imread(os.path.join(IMG_DIR, f"{self.ids[i]}.png"), cv2.IMREAD_GRAYSCALE)
        if self.train:
            if random.random() < 0.5:
                img = cv2.flip(img, 1)
            alpha = random.uniform(0.9, 1.1)
            img = np.clip(img.astype(np.float32) * alpha, 0, 255)
        img = (img.astype(np.float32) / 255.0 - 0.5) / 0.25
        return torch.from_numpy(img)[None], self.labels[i]


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = []
    for x, _ in loader:
        with torch.autocast("cuda", dtype=torch.float16):
            out.append(torch.sigmoid(model(x.to(device))).float().squeeze(1).cpu())
    return torch.cat(out).numpy()


def main():
    seed_all(SEED)
    device = torch.device("cuda")
    df = pd.read_csv("data/siim/train_labels.csv")
    test_df = pd.read_csv("data/siim/holdout_labels.csv")
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    tr_idx, va_idx = next(skf.split(df, df["has_ptx"]))
    train_df, val_df = df.iloc[tr_idx], df.iloc[va_idx]

    train_loader = DataLoader(PTXDataset(train_df, True), batch_size=MICRO_BATCH, shuffle=True, num_workers=6, drop_last=True)
    val_loader = DataLoader(PTXDataset(val_df, False), batch_size=16, num_workers=6)
    test_loader = DataLoader(PTXDataset(test_df, False), batch_size=16, num_workers=6)

    model = timm.create_model("tf_efficientnet_b3_ns", pretrained=True, in_chans=1, num_classes=1).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=1e-2)
    steps_per_epoch = len(train_loader) // ACCUM_STEPS
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LR, total_steps=EPOCHS * steps_per_epoch + 1)
    scaler = torch.cuda.amp.GradScaler()
    criterion = nn.BCEWithLogitsLoss()

    best_ap, wait = 0.0, 0
    optimizer.zero_grad()
    for epoch in range(EPOCHS):
        model.train()
        for step, (x, y) in enumerate(train_loader):
            x, y = x.to(device), y.to(device)
            with torch.autocast("cuda", dtype=torch.float16):
                loss = criterion(model(x).squeeze(1), y) / ACCUM_STEPS
            scaler.scale(loss).backward()
            if (step + 1) % ACCUM_STEPS == 0:
                scaler.unscale_(optimizer)
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()

        val_prob = predict(model, val_loader, device)
        val_auc = roc_auc_score(val_df["has_ptx"], val_prob)
        val_ap = average_precision_score(val_df["has_ptx"], val_prob)
        print(f"epoch {epoch}: val AUROC {val_auc:.4f} AP {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, wait = val_ap, 0
            torch.save(model.state_dict(), "effb3_ptx_best.pt")
        else:
            wait += 1
            if wait >= PATIENCE:
                break

    model.load_state_dict(torch.load("effb3_ptx_best.pt"))
    val_prob = predict(model, val_loader, device)
    grid = np.arange(0.05, 0.96, 0.01)
    thr = grid[np.argmax([f1_score(val_df["has_ptx"], val_prob >= t) for t in grid])]
    test_prob = predict(model, test_loader, device)
    print(f"threshold (val F1): {thr:.2f}")
    print(f"test AUROC {roc_auc_score(test_df['has_ptx'], test_prob):.4f}")
    print(f"test AP    {average_precision_score(test_df['has_ptx'], test_prob):.4f}")
    print(f"test F1    {f1_score(test_df['has_ptx'], test_prob >= thr):.4f}")


if __name__ == "__main__":
    main()
