import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import models

from dataset import OtolithDataset, otolith_transforms, split_by_fish


def get_args():
    ap = argparse.ArgumentParser(description="Age greenland halibut from otolith images")
    ap.add_argument("--csv", default="data/otoliths/labels.csv")
    ap.add_argument("--root", default="data/otoliths/img")
    ap.add_argument("--size", type=int, default=384)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--seed", type=int, default=0)
    return ap.parse_args()


def run_eval(model, loader, device):
    model.eval()
    preds, ages = [], []
    with torch.no_grad():
        for imgs, age in loader:
            preds.append(model(imgs.to(device)).squeeze(1).cpu())
            ages.append(age)
    preds, ages = torch.cat(preds).numpy(), torch.cat(ages).numpy()
    mae = np.abs(preds - ages).mean()
    exact = (np.rint(preds) == ages).mean()
    return mae, exact


def main():
    args = get_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.csv)
    df = df[df["readability"] >= 2]
    trval, test = split_by_fish(df, 0.2, args.seed)
    train, val = split_by_fish(trval, 0.15, args.seed)

    train_dl = DataLoader(OtolithDataset(train, args.root, otolith_transforms(args.size, True)),
                          batch_size=args.batch, shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(OtolithDataset(val, args.root, otolith_transforms(args.size, False)),
                        batch_size=32, num_workers=4)
    test_dl = DataLoader(OtolithDataset(test, args.root, otolith_transforms(args.size, False)),
                         batch_size=32, num_workers=4)

    model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    model.fc = nn.Sequential(nn.Dropout(0.2), nn.Linear(model.fc.in_features, 1))
    model = model.to(device)

    criterion = nn.SmoothL1Loss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=args.epochs * (len(train_dl) // args.accum))

    best_mae = float("inf")
    optimizer.zero_grad()
    for epoch in range(args.epochs):
        model.train()
        for step, (imgs, age) in enumerate(train_dl):
            out = model(imgs.to(device)).squeeze(1)
            loss = criterion(out, age.to(device)) / args.accum
            loss.backward()
            if (step + 1) % args.accum == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimizer.step()
                scheduler.step()

        val_mae, val_exact = run_eval(model, val_dl, device)
        print(f"epoch {epoch:02d}  val MAE {val_mae:.3f} y  exact-age {val_exact:.3f}")
        if val_mae < best_mae:
            best_mae = val_mae
            torch.save(model.state_dict(), "otolith_resnet50_best.pt")

    model.load_state_dict(torch.load("otolith_resnet50_best.pt", map_location=device))
    test_mae, test_exact = run_eval(model, test_dl, device)
    print(f"test MAE {test_mae:.3f} years | exact agreement with readers {test_exact:.3f}")


if __name__ == "__main__":
    main()
