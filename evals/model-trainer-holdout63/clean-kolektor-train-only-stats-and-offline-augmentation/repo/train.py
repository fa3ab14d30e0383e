"""KolektorSDD2 defective/good classifier (MobileNetV3-L) for the commutator inspection cell."""
import argparse
import json
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from torchvision import models, transforms

from datautils import SurfaceDataset, channel_mean_std, index_images, write_flipped_copies

SIZE = (232, 640)  # (width, height) for PIL; KSDD2 images are ~230 x 630


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def scores(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = index_images(args.root)
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df.defect, random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.2, stratify=train_df.defect, random_state=args.seed)

    extra = write_flipped_copies(train_df[train_df.defect == 1], args.aug_dir)
    train_df = pd.concat([train_df, extra], ignore_index=True)
    mean, std = channel_mean_std(train_df["path"], SIZE)

    hw = (SIZE[1], SIZE[0])
    train_tf = transforms.Compose([transforms.Resize(hw), transforms.RandomHorizontalFlip(),
                                   transforms.ColorJitter(0.1, 0.1), transforms.ToTensor(),
                                   transforms.Normalize(mean, std)])
    eval_tf = transforms.Compose([transforms.Resize(hw), transforms.ToTensor(), transforms.Normalize(mean, std)])
    train_dl = DataLoader(SurfaceDataset(train_df, train_tf), batch_size=16, shuffle=True, num_workers=4)
    val_dl = DataLoader(SurfaceDataset(val_df, eval_tf), batch_size=32, num_workers=4)
    test_dl = DataLoader(SurfaceDataset(test_df, eval_tf), batch_size=32, num_workers=4)

    model = models.mobilenet_v3_large(weights=models.MobileNet_V3_Large_Weights.IMAGENET1K_V2)
    model.classifier[-1] = nn.Linear(model.classifier[-1].in_features, 1)
    model.to(device)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_ap, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        y_val, p_val = scores(model, val_dl, device)
        val_ap = average_precision_score(y_val, p_val)
        print(f"epoch {epoch + 1}: val_AP={val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, wait = val_ap, 0
            torch.save({"state_dict": model.state_dict(), "mean": mean, "std": std}, args.checkpoint)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.checkpoint, map_location=device)["state_dict"])
    y_val, p_val = scores(model, val_dl, device)
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    threshold = float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None))])

    y_test, p_test = scores(model, test_dl, device)
    pred = (p_test >= threshold).astype(int)
    results = {
        "val_threshold": threshold,
        "roc_auc": roc_auc_score(y_test, p_test),
        "average_precision": average_precision_score(y_test, p_test),
        "precision": precision_score(y_test, pred),
        "recall": recall_score(y_test, pred),
        "f1": f1_score(y_test, pred),
        "baseline_ap_prevalence": float(y_test.mean()),
        "baseline_f1_all_defective": f1_score(y_test, np.ones_like(y_test)),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/KolektorSDD2/train")
    ap.add_argument("--aug-dir", default="data/KolektorSDD2/aug_train")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--checkpoint", default="mnv3_ksdd2.pt")
    main(ap.parse_args())
