"""Glass container finish (neck) inspection: chip / crack / ok, 960px crops, EfficientNetV2-S.

The crops only fit 6 per step on our 24 GB card, so gradients are accumulated over `--accum` steps.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms as T

CLASSES = ["ok", "chip", "crack"]


class Finish(Dataset):
    def __init__(self, csv, tf):
        df = pd.read_csv(csv)                      # path, label, mould_no
        self.paths, self.y, self.tf = df["path"].tolist(), df["label"].map(CLASSES.index).tolist(), tf
    def __len__(self):
        return len(self.paths)
    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.y[i]


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=device == "cuda"):
            ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", default="splits")              # train.csv / val.csv / test.csv, split by mould
    ap.add_argument("--size", type=int, default=960)
    ap.add_argument("--bs", type=int, default=6)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=20240311)
    args = ap.parse_args()

    random.seed(args.seed); np.random.seed(args.seed)
    torch.manual_seed(args.seed); torch.cuda.manual_seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = T.Compose([T.Resize((args.size, args.size)), T.RandomRotation(180), T.ColorJitter(0.2, 0.2),
                          T.ToTensor(), norm])
    eval_tf = T.Compose([T.Resize((args.size, args.size)), T.ToTensor(), norm])
    train_dl = DataLoader(Finish(f"{args.splits}/train.csv", train_tf), batch_size=args.bs, shuffle=True,
                          num_workers=8, pin_memory=True)
    val_dl = DataLoader(Finish(f"{args.splits}/val.csv", eval_tf), batch_size=12, num_workers=8)
    test_dl = DataLoader(Finish(f"{args.splits}/test.csv", eval_tf), batch_size=12, num_workers=8)

    model = models.efficientnet_v2_s(weights=models.EfficientNet_V2_S_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, len(CLASSES))
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.02)
    scaler = torch.cuda.amp.GradScaler(enabled=device == "cuda")
    crit = nn.CrossEntropyLoss(label_smoothing=0.05)

    best = -1.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for i, (x, y) in enumerate(train_dl):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=device == "cuda"):
                loss = crit(model(x), y) / args.accum
            scaler.scale(loss).backward()
            if (i + 1) % args.accum == 0 or (i + 1) == len(train_dl):
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)

        yv, pv = evaluate(model, val_dl, device)
        f1 = f1_score(yv, pv, average="macro")
        print(f"epoch {epoch:2d}  val macro-F1 {f1:.4f}")
        if f1 > best:
            best = f1
            torch.save(model.state_dict(), "finish_effv2s.pt")

    model.load_state_dict(torch.load("finish_effv2s.pt", map_location=device))
    yt, pt = evaluate(model, test_dl, device)
    print(classification_report(yt, pt, target_names=CLASSES, digits=3))


if __name__ == "__main__":
    main()
