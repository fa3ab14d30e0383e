"""KolektorSDD2 image-level defect classification with a timm ConvNeXt.

KSDD2 layout: {train,test}/<id>.png + <id>_GT.png (pixel mask, all-zero for defect-free images).
"""
import argparse
from pathlib import Path

import numpy as np
import timm
import timm.utils
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from timm.data import create_transform, resolve_data_config
from torch.utils.data import DataLoader, Dataset


def list_split(folder):
    items = []
    for img in sorted(Path(folder).glob("*.png")):
        if img.stem.endswith("_GT"):
            continue
        mask = np.array(Image.open(img.with_name(f"{img.stem}_GT.png")))
        items.append((img, int(mask.max() > 0)))
    return items


class KSDD2(Dataset):
    def __init__(self, items, tf):
        self.items, self.tf = items, tf
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        p, y = self.items[i]
        return self.tf(Image.open(p).convert("RGB")), torch.tensor(y, dtype=torch.float32)


@torch.no_grad()
def scores(model, loader, device):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        out.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/KolektorSDD2")
    ap.add_argument("--arch", default="convnext_tiny.fb_in22k")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    timm.utils.random_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    model = timm.create_model(args.arch, pretrained=True, num_classes=1, drop_path_rate=0.1).to(device)
    data_cfg = resolve_data_config({}, model=model)          # mean/std/input size of the pretrained weights
    print(data_cfg)
    train_tf = create_transform(**data_cfg, is_training=True, vflip=0.5, color_jitter=0.2)
    eval_tf = create_transform(**data_cfg)

    items = list_split(Path(args.root) / "train")
    test_items = list_split(Path(args.root) / "test")
    tr_items, va_items = train_test_split(items, test_size=0.15, stratify=[y for _, y in items],
                                          random_state=args.seed)
    train_dl = DataLoader(KSDD2(tr_items, train_tf), batch_size=24, shuffle=True, num_workers=6, drop_last=True)
    val_dl = DataLoader(KSDD2(va_items, eval_tf), batch_size=48, num_workers=6)
    test_dl = DataLoader(KSDD2(test_items, eval_tf), batch_size=48, num_workers=6)

    n_pos = sum(y for _, y in tr_items)
    crit = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((len(tr_items) - n_pos) / n_pos, device=device))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)

    best_ap, bad_epochs = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            crit(model(x).squeeze(1), y).backward()
            opt.step()
        yv, sv = scores(model, val_dl, device)
        ap_val = average_precision_score(yv, sv)
        print(f"epoch {epoch:2d}  val AP {ap_val:.4f}")
        if ap_val > best_ap:
            best_ap, bad_epochs = ap_val, 0
            torch.save(model.state_dict(), "ksdd2_best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(torch.load("ksdd2_best.pt", map_location=device))
    yt, st = scores(model, test_dl, device)
    print(f"TEST  AP {average_precision_score(yt, st):.4f}  AUROC {roc_auc_score(yt, st):.4f}  (n={len(yt)})")


if __name__ == "__main__":
    main()
