"""
Regress organoid viability (CellTiter-Glo 3D, % of DMSO) from whole-well brightfield montages.
Montages are 1024x1024, so only 4 fit on the GPU -> gradient accumulation to an effective batch of 32.
Plates are split as a whole into train / val / test.
"""
import argparse
import random

import numpy as np
import pandas as pd
import tifffile
import timm
import torch
import torch.nn.functional as F
from scipy.stats import spearmanr
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset


class WellMontages(Dataset):
    def __init__(self, frame, train):
        self.paths = frame["montage_path"].tolist()
        self.target = (frame["viability_pct"].to_numpy(np.float32) / 100.0).clip(0, 1.5)
        self.train = train

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = tifffile.imread(self.paths[i]).astype(np.float32)
        img = (img - img.mean()) / (img.std() + 1e-6)  # per-well, illumination differs by plate
        x = torch.from_numpy(img)[None].repeat(3, 1, 1)
        if self.train:
            x = torch.rot90(x, int(torch.randint(4, (1,))), dims=(1, 2))
            if torch.rand(1) < 0.5:
                x = x.flip(2)
        return x, torch.tensor(self.target[i])


def split_plates(df, seed):
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_i, test_i = next(outer.split(df, groups=df["plate"]))
    dev = df.iloc[dev_i]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    tr_i, va_i = next(inner.split(dev, groups=dev["plate"]))
    return dev.iloc[tr_i], dev.iloc[va_i], df.iloc[test_i]


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).squeeze(1).float().cpu())
        ys.append(y)
    p, y = torch.cat(preds).numpy(), torch.cat(ys).numpy()
    return float(np.abs(p - y).mean()), float(spearmanr(p, y).correlation)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="data/organoid_plates_ctg.csv")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--micro-batch", type=int, default=4)
    ap.add_argument("--accum-steps", type=int, default=8)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.table)
    train_df, val_df, test_df = split_plates(df, args.seed)
    train_dl = DataLoader(WellMontages(train_df, True), batch_size=args.micro_batch, shuffle=True,
                          num_workers=4, drop_last=True)
    val_dl = DataLoader(WellMontages(val_df, False), batch_size=8, num_workers=4)
    test_dl = DataLoader(WellMontages(test_df, False), batch_size=8, num_workers=4)

    model = timm.create_model("convnext_nano", pretrained=True, num_classes=1, drop_path_rate=0.1).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    steps_per_epoch = len(train_dl) // args.accum_steps
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch + 1)

    best_mae = float("inf")
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            loss = F.smooth_l1_loss(model(x).squeeze(1), y, beta=0.1) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad(set_to_none=True)
        val_mae, val_rho = predict(model, val_dl, device)
        print(f"epoch {epoch:02d}  val MAE {val_mae:.4f}  val Spearman {val_rho:.3f}")
        if val_mae < best_mae:
            best_mae = val_mae
            torch.save(model.state_dict(), "viability_convnext_best.pt")

    model.load_state_dict(torch.load("viability_convnext_best.pt", map_location=device))
    test_mae, test_rho = predict(model, test_dl, device)
    print(f"test ({test_df['plate'].nunique()} plates): MAE {test_mae * 100:.1f} %-viability, Spearman {test_rho:.3f}")


if __name__ == "__main__":
    main()
