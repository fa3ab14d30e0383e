"""CUB-200-2011 fine-grained birds: fine-tune a timm ConvNeXt with ImageNet normalisation.

Uses the official train/test list (train_test_split.txt); a stratified 10% of the official
training images is held out for early stopping and checkpoint selection. The official test
images are only touched once, by the final evaluation at the bottom.
"""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

log = logging.getLogger("cub")

# statistics of the ImageNet data the backbone was pretrained on, so they are applied to every
# split unchanged (they are constants, not estimated from CUB)
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_index(root: Path) -> pd.DataFrame:
    images = pd.read_csv(root / "images.txt", sep=" ", names=["img_id", "path"])
    labels = pd.read_csv(root / "image_class_labels.txt", sep=" ", names=["img_id", "label"])
    split = pd.read_csv(root / "train_test_split.txt", sep=" ", names=["img_id", "is_train"])
    df = images.merge(labels, on="img_id").merge(split, on="img_id")
    df["label"] -= 1
    return df


class Birds(Dataset):
    def __init__(self, frame, img_root, tfm):
        self.paths = [img_root / p for p in frame.path]
        self.labels = frame.label.to_numpy()
        self.tfm = tfm

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tfm(Image.open(self.paths[i]).convert("RGB")), int(self.labels[i])


def make_transforms(size):
    train = T.Compose([
        T.RandomResizedCrop(size, scale=(0.35, 1.0)),
        T.RandomHorizontalFlip(),
        T.TrivialAugmentWide(),
        T.ToTensor(),
        T.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        T.RandomErasing(p=0.25),
    ])
    evaluation = T.Compose([
        T.Resize(int(size * 1.14)),
        T.CenterCrop(size),
        T.ToTensor(),
        T.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    return train, evaluation


@torch.no_grad()
def infer(model, loader, device):
    model.eval()
    logits, ys = [], []
    for x, y in loader:
        logits.append(model(x.to(device, non_blocking=True)).float().cpu())
        ys.append(y)
    return torch.cat(logits).softmax(1).numpy(), torch.cat(ys).numpy()


def summarize(y, prob, n_classes):
    pred = prob.argmax(1)
    return {
        "top1": accuracy_score(y, pred),
        "top5": top_k_accuracy_score(y, prob, k=5, labels=np.arange(n_classes)),
        "macro_f1": f1_score(y, pred, average="macro"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path("data/CUB_200_2011"))
    ap.add_argument("--arch", default="convnext_small.fb_in22k_ft_in1k")
    ap.add_argument("--size", type=int, default=320)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--out", type=Path, default=Path("runs/cub_convnext"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    set_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda")

    df = load_index(args.root)
    official_train, official_test = df[df.is_train == 1], df[df.is_train == 0]
    fit_df, val_df = train_test_split(official_train, test_size=0.1, stratify=official_train.label,
                                      random_state=args.seed)
    n_classes = df.label.nunique()
    train_tfm, eval_tfm = make_transforms(args.size)
    img_root = args.root / "images"
    g = torch.Generator().manual_seed(args.seed)
    fit_dl = DataLoader(Birds(fit_df, img_root, train_tfm), args.bs, shuffle=True, num_workers=8,
                        drop_last=True, generator=g)
    val_dl = DataLoader(Birds(val_df, img_root, eval_tfm), args.bs * 2, num_workers=8)

    model = timm.create_model(args.arch, pretrained=True, num_classes=n_classes).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    warmup = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=2 * len(fit_dl))
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=(args.epochs - 2) * len(fit_dl))
    sched = torch.optim.lr_scheduler.SequentialLR(opt, [warmup, cosine], milestones=[2 * len(fit_dl)])
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)
    scaler = torch.cuda.amp.GradScaler()

    best_top1, stale, history = 0.0, 0, []
    for epoch in range(args.epochs):
        model.train()
        for x, y in fit_dl:
            x, y = x.to(device, non_blocking=True), y.to(device)
            opt.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                loss = crit(model(x), y)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            sched.step()
        prob, y_val = infer(model, val_dl, device)
        val = summarize(y_val, prob, n_classes)
        history.append({"epoch": epoch, **val})
        log.info("epoch %d val top1 %.4f top5 %.4f macro-F1 %.4f", epoch, val["top1"], val["top5"], val["macro_f1"])
        if val["top1"] > best_top1:
            best_top1, stale = val["top1"], 0
            torch.save(model.state_dict(), args.out / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                log.info("early stopping after epoch %d", epoch)
                break

    # final, single evaluation of the chosen checkpoint on the official test list
    model.load_state_dict(torch.load(args.out / "best.pt", map_location=device))
    test_dl = DataLoader(Birds(official_test, img_root, eval_tfm), args.bs * 2, num_workers=8)
    prob, y_test = infer(model, test_dl, device)
    test = summarize(y_test, prob, n_classes)
    majority = np.bincount(fit_df.label, minlength=n_classes).argmax()
    base_prob = np.tile(np.bincount(fit_df.label, minlength=n_classes) / len(fit_df), (len(y_test), 1))
    baseline = summarize(y_test, base_prob, n_classes)
    log.info("TEST %s | class-prior baseline %s (majority class %d)", test, baseline, majority)
    json.dump({"history": history, "best_val_top1": best_top1, "test": test, "baseline": baseline},
              open(args.out / "results.json", "w"), indent=2)


if __name__ == "__main__":
    main()
