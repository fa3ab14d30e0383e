"""Multi-class tissue segmentation on BCSS patches with patient-level splits."""
import json
import random
from pathlib import Path

import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader
from tqdm import tqdm

from bcss.dataset import N_CLASSES, PatchDataset, eval_augs, train_augs
from bcss.stain import reinhard_normalise

SEED = 31
PATCH_CSV = "data/bcss/patches.csv"
CACHE = Path("data/bcss/reinhard_cache")
OUT = Path("runs/bcss_unet_r50")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_stain_cache(df):
    CACHE.mkdir(parents=True, exist_ok=True)
    for row in tqdm(df.itertuples(), total=len(df), desc="reinhard"):
        target = CACHE / row.patch_name
        if not target.exists():
            rgb = cv2.cvtColor(cv2.imread(row.image_path), cv2.COLOR_BGR2RGB)
            cv2.imwrite(str(target), cv2.cvtColor(reinhard_normalise(rgb), cv2.COLOR_RGB2BGR))


def confusion_matrix(preds, masks, n=N_CLASSES):
    idx = masks.flatten() * n + preds.flatten()
    return torch.bincount(idx, minlength=n * n).reshape(n, n).cpu().numpy()


def scores(cm):
    tp = np.diag(cm).astype(float)
    iou = tp / np.maximum(cm.sum(0) + cm.sum(1) - tp, 1)
    dice = 2 * tp / np.maximum(cm.sum(0) + cm.sum(1), 1)
    return {"mIoU": iou.mean(), "mDice": dice.mean(), "pixel_acc": tp.sum() / cm.sum(),
            "iou_per_class": iou.round(4).tolist()}


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    cm = np.zeros((N_CLASSES, N_CLASSES), dtype=np.int64)
    for images, masks in loader:
        logits = model(images.to(device))
        cm += confusion_matrix(logits.argmax(1), masks.to(device))
    return scores(cm)


def majority_baseline(train_df, loader):
    counts = np.zeros(N_CLASSES)
    for p in train_df.mask_path:
        counts += np.bincount(cv2.imread(p, cv2.IMREAD_GRAYSCALE).ravel(), minlength=N_CLASSES)[:N_CLASSES]
    majority = int(counts.argmax())
    cm = np.zeros((N_CLASSES, N_CLASSES), dtype=np.int64)
    for _, masks in loader:
        cm += confusion_matrix(torch.full_like(masks, majority), masks)
    return scores(cm)


def main():
    seed_everything(SEED)
    device = torch.device("cuda")
    df = pd.read_csv(PATCH_CSV)
    df["patient"] = df.patch_name.str.slice(0, 12)
    build_stain_cache(df)

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(outer.split(df, groups=df.patient))
    dev_df, test_df = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, va = next(inner.split(dev_df, groups=dev_df.patient))
    train_df, val_df = dev_df.iloc[tr], dev_df.iloc[va]
    assert not set(train_df.patient) & set(test_df.patient)
    print({k: (len(v), v.patient.nunique()) for k, v in [("train", train_df), ("val", val_df), ("test", test_df)]})

    g = torch.Generator().manual_seed(SEED)
    train_loader = DataLoader(PatchDataset(train_df, CACHE, train_augs()), batch_size=16, shuffle=True,
                              num_workers=8, drop_last=True, generator=g)
    val_loader = DataLoader(PatchDataset(val_df, CACHE, eval_augs()), batch_size=32, num_workers=8)
    test_loader = DataLoader(PatchDataset(test_df, CACHE, eval_augs()), batch_size=32, num_workers=8)

    model = smp.Unet("resnet50", encoder_weights="imagenet", classes=N_CLASSES).to(device)
    ce = torch.nn.CrossEntropyLoss()
    dice = smp.losses.DiceLoss("multiclass")
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=50, eta_min=1e-6)
    scaler = torch.cuda.amp.GradScaler()

    OUT.mkdir(parents=True, exist_ok=True)
    best, stale = -1.0, 0
    for epoch in range(50):
        model.train()
        for images, masks in train_loader:
            images, masks = images.to(device), masks.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(images)
                loss = ce(logits, masks) + dice(logits, masks)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        scheduler.step()
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: loss {loss.item():.4f} val mIoU {val['mIoU']:.4f} mDice {val['mDice']:.4f}")
        if val["mIoU"] > best:
            best, stale = val["mIoU"], 0
            torch.save(model.state_dict(), OUT / "best.pt")
        else:
            stale += 1
            if stale >= 8:
                break

    model.load_state_dict(torch.load(OUT / "best.pt", map_location=device))
    report = {"unet_test": evaluate(model, test_loader, device),
              "majority_class_test": majority_baseline(train_df, test_loader)}
    (OUT / "test_report.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
