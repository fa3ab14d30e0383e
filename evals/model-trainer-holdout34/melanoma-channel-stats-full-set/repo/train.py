"""Binary melanoma classifier on dermoscopy crops (ResNet-34, ImageNet init).

usage: python train.py --csv data/isic_subset.csv --img-dir data/images --out runs/r34
"""
import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms
from tqdm import tqdm

log = logging.getLogger("derm")


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class LesionDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, img_dir: Path, tfm):
        self.paths = [img_dir / f"{i}.jpg" for i in frame["image_name"]]
        self.labels = frame["target"].to_numpy(dtype=np.float32)
        self.tfm = tfm

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        img = Image.open(self.paths[idx]).convert("RGB")
        return self.tfm(img), torch.tensor(self.labels[idx])


def run_epoch(model, loader, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    crit = nn.BCEWithLogitsLoss()
    losses, probs, ys = [], [], []
    with torch.set_grad_enabled(training):
        for x, y in tqdm(loader, leave=False):
            x, y = x.to(device), y.to(device)
            logits = model(x).squeeze(1)
            loss = crit(logits, y)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            losses.append(loss.item())
            probs.append(torch.sigmoid(logits).detach().cpu())
            ys.append(y.cpu())
    p = torch.cat(probs).numpy()
    t = torch.cat(ys).numpy()
    return float(np.mean(losses)), roc_auc_score(t, p), average_precision_score(t, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/isic_subset.csv")
    ap.add_argument("--img-dir", default="data/images")
    ap.add_argument("--out", default="runs/r34")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    img_dir = Path(args.img_dir)

    df = pd.read_csv(args.csv)
    log.info("images=%d  positives=%d", len(df), int(df.target.sum()))

    # dataset-specific channel statistics for Normalize (dermoscopy colours differ from ImageNet)
    base_tfm = transforms.Compose([transforms.Resize((256, 256)), transforms.ToTensor()])
    stats_loader = DataLoader(LesionDataset(df, img_dir, base_tfm), batch_size=128, num_workers=4)
    ch_sum, ch_sq, n_pix = torch.zeros(3), torch.zeros(3), 0
    for imgs, _ in stats_loader:
        ch_sum += imgs.sum(dim=[0, 2, 3])
        ch_sq += (imgs ** 2).sum(dim=[0, 2, 3])
        n_pix += imgs.shape[0] * imgs.shape[2] * imgs.shape[3]
    mean = ch_sum / n_pix
    std = (ch_sq / n_pix - mean ** 2).sqrt()
    log.info("channel mean=%s std=%s", mean.tolist(), std.tolist())

    train_df, hold_df = train_test_split(df, test_size=0.3, stratify=df.target, random_state=args.seed)
    val_df, test_df = train_test_split(hold_df, test_size=0.5, stratify=hold_df.target, random_state=args.seed)

    normalize = transforms.Normalize(mean.tolist(), std.tolist())
    train_tfm = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.1),
        transforms.ToTensor(),
        normalize,
    ])
    eval_tfm = transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor(), normalize])

    train_dl = DataLoader(LesionDataset(train_df, img_dir, train_tfm), batch_size=32, shuffle=True, num_workers=4)
    val_dl = DataLoader(LesionDataset(val_df, img_dir, eval_tfm), batch_size=64, num_workers=4)
    test_dl = DataLoader(LesionDataset(test_df, img_dir, eval_tfm), batch_size=64, num_workers=4)

    model = models.resnet34(weights=models.ResNet34_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, 1)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_auc, bad_epochs = 0.0, 0
    for epoch in range(args.epochs):
        tr_loss, tr_auc, _ = run_epoch(model, train_dl, device, optimizer)
        va_loss, va_auc, va_ap = run_epoch(model, val_dl, device)
        log.info("ep %02d train loss %.4f auc %.4f | val loss %.4f auc %.4f ap %.4f",
                 epoch, tr_loss, tr_auc, va_loss, va_auc, va_ap)
        if va_auc > best_auc:
            best_auc, bad_epochs = va_auc, 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    _, te_auc, te_ap = run_epoch(model, test_dl, device)
    prevalence = test_df.target.mean()
    log.info("TEST auc %.4f  ap %.4f  (chance ap = prevalence %.4f)", te_auc, te_ap, prevalence)


if __name__ == "__main__":
    main()
