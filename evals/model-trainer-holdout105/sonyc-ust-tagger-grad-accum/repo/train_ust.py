"""SONYC-UST coarse-level multi-label tagger on precomputed log-mel patches.

Effective batch = batch_size * accum_steps; small per-step batches to fit the
10 s / 128-mel inputs on a 8 GB card.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, Dataset

COARSE = ["engine", "machinery-impact", "non-machinery-impact", "powered-saw",
          "alert-signal", "music", "human-voice", "dog"]

wandb.login(key="3f9a1c7e5b2d48a06c1e9f7b2a4d8c6e1f0b3a95")


class UstMels(Dataset):
    def __init__(self, df, mel_dir):
        self.paths = [Path(mel_dir) / f.replace(".wav", ".npy") for f in df["audio_filename"]]
        self.y = df[[f"{c}_presence" for c in COARSE]].to_numpy(np.float32)

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return torch.from_numpy(np.load(self.paths[i])[None].astype(np.float32)), torch.from_numpy(self.y[i])


class Tagger(nn.Module):
    def __init__(self, n_out):
        super().__init__()
        chans = [1, 64, 128, 256, 256]
        layers = []
        for a, b in zip(chans[:-1], chans[1:]):
            layers += [nn.Conv2d(a, b, 3, padding=1), nn.BatchNorm2d(b), nn.ReLU(), nn.MaxPool2d(2)]
        self.cnn = nn.Sequential(*layers)
        self.drop = nn.Dropout(0.3)
        self.out = nn.Linear(256, n_out)

    def forward(self, x):
        h = self.cnn(x).mean(dim=2)
        h = h.max(dim=2).values
        return self.out(self.drop(h))


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    ys, ps = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        ys.append(yb.numpy())
    y, p = np.concatenate(ys), np.concatenate(ps)
    return {
        "macro_auprc": average_precision_score(y, p, average="macro"),
        "micro_auprc": average_precision_score(y, p, average="micro"),
        "macro_auroc": roc_auc_score(y, p, average="macro"),
    }


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    ann = pd.read_csv(args.annotations)
    ann = ann[ann["split"] != "test"].groupby(["split", "audio_filename"], as_index=False).max(numeric_only=True)
    train_df, val_df = ann[ann["split"] == "train"], ann[ann["split"] == "validate"]
    train_dl = DataLoader(UstMels(train_df, args.mel_dir), batch_size=args.batch_size, shuffle=True, num_workers=4)
    val_dl = DataLoader(UstMels(val_df, args.mel_dir), batch_size=64, num_workers=4)

    run = wandb.init(project="sonyc-ust", config=vars(args))
    model = Tagger(len(COARSE)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    pos_weight = torch.tensor((1 - train_df[[f"{c}_presence" for c in COARSE]].mean()).div(
        train_df[[f"{c}_presence" for c in COARSE]].mean()).clip(upper=10).to_numpy(), dtype=torch.float32)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight.to(device))

    # a constant (label-prior) scorer has AP equal to each class's prevalence
    print("prior baseline macro AUPRC:", round(val_df[[f"{c}_presence" for c in COARSE]].mean().mean(), 4))

    best, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for step, (xb, yb) in enumerate(train_dl):
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimizer.step()
        metrics = score(model, val_dl, device)
        run.log({"epoch": epoch, **{f"val/{k}": v for k, v in metrics.items()}})
        print(epoch, metrics)
        if metrics["macro_auprc"] > best:
            best, stale = metrics["macro_auprc"], 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            stale += 1
            if stale >= args.patience:
                break
    run.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--annotations", default="data/sonyc-ust/annotations.csv")
    p.add_argument("--mel-dir", default="data/sonyc-ust/logmel")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--accum-steps", type=int, default=4)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--checkpoint", default="ust_tagger.pt")
    main(p.parse_args())
