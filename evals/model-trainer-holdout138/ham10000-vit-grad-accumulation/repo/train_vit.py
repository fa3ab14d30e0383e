"""ViT-B/16 fine-tuning on HAM10000 with gradient accumulation (fits on a 12 GB card at bs=16)."""
import argparse
import random

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from timm.data import resolve_data_config, create_transform
from torch.utils.data import DataLoader, Dataset

CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--meta", default="data/HAM10000/HAM10000_metadata.csv")
    p.add_argument("--img-dir", default="data/HAM10000/images")
    p.add_argument("--model", default="vit_base_patch16_224.augreg2_in21k_ft_in1k")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--accum", type=int, default=4)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--seed", type=int, default=31)
    return p.parse_args()


class HamDS(Dataset):
    def __init__(self, df, img_dir, tf):
        self.df, self.img_dir, self.tf = df.reset_index(drop=True), img_dir, tf

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        return self.tf(Image.open(f"{self.img_dir}/{r.image_id}.jpg").convert("RGB")), int(r.y)


@torch.inference_mode()
def evaluate(model, dl, device):
    model.eval()
    probs, ys = [], []
    for x, y in dl:
        probs.append(model(x.to(device)).float().softmax(1).cpu())
        ys.append(y)
    p, y = torch.cat(probs).numpy(), torch.cat(ys).numpy()
    return {"bacc": balanced_accuracy_score(y, p.argmax(1)), "macro_f1": f1_score(y, p.argmax(1), average="macro"),
            "auc": roc_auc_score(y, p, multi_class="ovr")}


def main():
    args = parse_args()
    random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)
    device = "cuda"

    df = pd.read_csv(args.meta)
    df["y"] = df["dx"].map({c: i for i, c in enumerate(CLASSES)})
    folds = list(StratifiedGroupKFold(n_splits=6, shuffle=True, random_state=args.seed)
                 .split(df, df["y"], groups=df["lesion_id"]))
    test_df = df.iloc[folds[0][1]]
    val_df = df.iloc[folds[1][1]]
    train_df = df[~df.index.isin(test_df.index.union(val_df.index))]

    model = timm.create_model(args.model, pretrained=True, num_classes=len(CLASSES), drop_path_rate=0.1).to(device)
    cfg = resolve_data_config({}, model=model)
    train_tf = create_transform(**cfg, is_training=True, hflip=0.5, vflip=0.5, auto_augment="rand-m7-mstd0.5")
    eval_tf = create_transform(**cfg)

    train_dl = DataLoader(HamDS(train_df, args.img_dir, train_tf), batch_size=args.batch_size, shuffle=True,
                          num_workers=8, drop_last=True)
    val_dl = DataLoader(HamDS(val_df, args.img_dir, eval_tf), batch_size=64, num_workers=8)
    test_dl = DataLoader(HamDS(test_df, args.img_dir, eval_tf), batch_size=64, num_workers=8)

    counts = np.bincount(train_df["y"], minlength=len(CLASSES))
    criterion = nn.CrossEntropyLoss(weight=torch.tensor((counts.sum() / counts) ** 0.5, dtype=torch.float32, device=device),
                                    label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    steps = args.epochs * len(train_dl) // args.accum
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps)
    scaler = torch.cuda.amp.GradScaler()

    best = -1.0
    optimizer.zero_grad(set_to_none=True)
    for epoch in range(args.epochs):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast("cuda", dtype=torch.float16):
                loss = criterion(model(x), y) / args.accum
            scaler.scale(loss).backward()
            if (step + 1) % args.accum == 0:
                scaler.unscale_(optimizer)
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()
        m = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} val bacc={m['bacc']:.4f} f1={m['macro_f1']:.4f} auc={m['auc']:.4f}")
        if m["bacc"] > best:
            best = m["bacc"]
            torch.save(model.state_dict(), "vit_ham_best.pt")

    model.load_state_dict(torch.load("vit_ham_best.pt"))
    print("TEST", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main()
