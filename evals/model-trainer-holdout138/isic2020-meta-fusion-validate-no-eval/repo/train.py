import argparse
import json
import random

import cv2
import numpy as np
import pandas as pd
import torch
import albumentations as A
from albumentations.pytorch import ToTensorV2
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset

from engine import train_one_epoch, validate
from model import SITES, MelanomaNet


def seed_all(seed):
    random.seed(seed); np.random.seed(seed); torch.manual_seed(seed); torch.cuda.manual_seed_all(seed)


def meta_features(df):
    site = df["anatom_site_general_challenge"].fillna("unknown")
    onehot = np.stack([(site == s).to_numpy() for s in SITES], axis=1)
    age = df["age_approx"].fillna(0).to_numpy()[:, None] / 90.0
    sex = (df["sex"] == "male").to_numpy()[:, None]
    return np.hstack([age, sex, onehot]).astype(np.float32)


class ISICDataset(Dataset):
    def __init__(self, df, img_dir, tf):
        self.names, self.y = df["image_name"].to_numpy(), df["target"].to_numpy(np.float32)
        self.meta, self.img_dir, self.tf = meta_features(df), img_dir, tf

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(f"{self.img_dir}/{self.names[i]}.jpg"), cv2.COLOR_BGR2RGB)
        return self.tf(image=img)["image"], torch.from_numpy(self.meta[i]), self.y[i]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    ap.add_argument("--fold", type=int, default=0)
    args = ap.parse_args()
    cfg = json.load(open(args.config))
    seed_all(cfg["seed"])

    df = pd.read_csv(cfg["csv"])
    sgkf = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    tr_idx, va_idx = list(sgkf.split(df, df["target"], groups=df["patient_id"]))[args.fold]
    tr, va = df.iloc[tr_idx], df.iloc[va_idx]

    s = cfg["img_size"]
    train_tf = A.Compose([A.RandomResizedCrop(s, s, scale=(0.7, 1.0)), A.Flip(), A.RandomRotate90(),
                          A.HueSaturationValue(10, 15, 10, p=0.5), A.Normalize(), ToTensorV2()])
    valid_tf = A.Compose([A.Resize(s, s), A.Normalize(), ToTensorV2()])
    train_dl = DataLoader(ISICDataset(tr, cfg["img_dir"], train_tf), batch_size=cfg["batch_size"],
                          shuffle=True, num_workers=cfg["num_workers"], drop_last=True)
    valid_dl = DataLoader(ISICDataset(va, cfg["img_dir"], valid_tf), batch_size=cfg["batch_size"] * 2,
                          num_workers=cfg["num_workers"])

    device = "cuda"
    model = MelanomaNet(cfg["backbone"]).to(device)
    criterion = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"],
                                                    total_steps=cfg["epochs"] * len(train_dl))
    scaler = torch.cuda.amp.GradScaler()

    for epoch in range(cfg["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion, scaler, scheduler, device)
        va_loss, va_auc, oof = validate(model, valid_dl, criterion, device)
        print(f"fold {args.fold} ep {epoch}: train {tr_loss:.4f} valid {va_loss:.4f} AUC {va_auc:.4f}")

    # one-cycle schedule -> keep the final weights
    torch.save(model.state_dict(), f"effb2_fold{args.fold}.pt")
    va.assign(pred=oof).to_csv(f"oof_fold{args.fold}.csv", index=False)
    print(f"fold {args.fold} final valid AUC {va_auc:.4f}")


if __name__ == "__main__":
    main()
