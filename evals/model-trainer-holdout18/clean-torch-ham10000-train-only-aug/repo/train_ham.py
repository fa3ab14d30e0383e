"""HAM10000 dermoscopy, 7 diagnostic classes (nv dominates at ~67%).

* split by lesion_id (several images per lesion) with StratifiedGroupKFold
* augmentation happens on the fly, inside the *training* dataset's transform only
* class imbalance handled by a WeightedRandomSampler built from training labels
"""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset, WeightedRandomSampler
from torchvision import models, transforms

log = logging.getLogger("ham")
DX = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]
NORM = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])

TRAIN_TF = transforms.Compose([
    transforms.RandomResizedCrop(224, scale=(0.6, 1.0)),
    transforms.RandomHorizontalFlip(),
    transforms.RandomVerticalFlip(),
    transforms.RandomRotation(30),
    transforms.ColorJitter(0.2, 0.2, 0.2, 0.02),
    transforms.ToTensor(),
    NORM,
])
EVAL_TF = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), NORM])


class Lesions(Dataset):
    def __init__(self, meta: pd.DataFrame, img_dir: str, tf):
        self.paths = [Path(img_dir) / f"{i}.jpg" for i in meta["image_id"]]
        self.y = meta["dx"].map(DX.index).to_numpy()
        self.tf = tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), int(self.y[i])


def grouped_split(meta, seed):
    """~70/15/15 split with all images of a lesion on one side, class proportions kept."""
    outer = StratifiedGroupKFold(n_splits=7, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(meta, meta["dx"], groups=meta["lesion_id"]))
    dev = meta.iloc[dev_idx]
    inner = StratifiedGroupKFold(n_splits=6, shuffle=True, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, dev["dx"], groups=dev["lesion_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], meta.iloc[test_idx]


@torch.no_grad()
def infer(model, loader, device):
    model.eval()
    probs, ys = [], []
    for x, y in loader:
        probs.append(torch.softmax(model(x.to(device)), 1).cpu())
        ys.append(y)
    return torch.cat(probs).numpy(), torch.cat(ys).numpy()


def summarize(y, prob):
    pred = prob.argmax(1)
    return {"balanced_acc": balanced_accuracy_score(y, pred),
            "macro_f1": f1_score(y, pred, average="macro"),
            "macro_auroc": roc_auc_score(y, prob, multi_class="ovr", average="macro", labels=range(len(DX)))}


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    meta = pd.read_csv(args.meta)
    train_meta, val_meta, test_meta = grouped_split(meta, args.seed)
    assert not set(train_meta.lesion_id) & set(test_meta.lesion_id)

    train_ds = Lesions(train_meta, args.images, TRAIN_TF)
    val_ds = Lesions(val_meta, args.images, EVAL_TF)
    test_ds = Lesions(test_meta, args.images, EVAL_TF)

    freq = np.bincount(train_ds.y, minlength=len(DX))
    sampler = WeightedRandomSampler(torch.as_tensor(1.0 / freq[train_ds.y], dtype=torch.double),
                                    num_samples=len(train_ds), replacement=True,
                                    generator=torch.Generator().manual_seed(args.seed))
    train_dl = DataLoader(train_ds, batch_size=args.bs, sampler=sampler, num_workers=6)
    val_dl = DataLoader(val_ds, batch_size=128, num_workers=6)
    test_dl = DataLoader(test_ds, batch_size=128, num_workers=6)

    # baseline: always predict the most frequent training class
    prior = np.tile(np.eye(len(DX))[freq.argmax()], (len(val_ds), 1))
    log.info("majority-class baseline (val): %s", summarize(val_ds.y, prior))

    model = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.IMAGENET1K_V1)
    model.classifier[1] = nn.Linear(model.classifier[1].in_features, len(DX))
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    crit = nn.CrossEntropyLoss()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best, patience_left = -1.0, args.patience
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            crit(model(x), y).backward()
            opt.step()
        sched.step()
        val = summarize(*infer(model, val_dl, device)[::-1])
        log.info("epoch %d val %s", epoch, val)
        if val["balanced_acc"] > best:
            best, patience_left = val["balanced_acc"], args.patience
            torch.save(model.state_dict(), out / "effnet_b0_best.pt")
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(out / "effnet_b0_best.pt", map_location=device))
    prob, y = infer(model, test_dl, device)
    test = summarize(y, prob)
    log.info("test: %s", test)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default="data/HAM10000_metadata.csv")
    ap.add_argument("--images", default="data/HAM10000_images")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--bs", type=int, default=48)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", default="runs/ham_effnet")
    main(ap.parse_args())
