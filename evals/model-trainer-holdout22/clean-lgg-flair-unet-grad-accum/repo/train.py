"""FLAIR abnormality segmentation (LGG): U-Net/ResNet34 with AMP and gradient accumulation.

Patient-level splits; threshold and checkpoint picked on validation patients; Otsu baseline.
"""
import argparse
import json
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
from skimage.filters import threshold_otsu
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from lggseg.io import SliceSet, index_slices
from lggseg.metrics import per_patient


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def patient_split(frame, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_idx, test_idx = next(gss.split(frame, groups=frame.patient))
    dev = frame.iloc[dev_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed)
    tr_idx, va_idx = next(gss.split(dev, groups=dev.patient))
    return dev.iloc[tr_idx], dev.iloc[va_idx], frame.iloc[test_idx]


@torch.no_grad()
def predict(model, frame, device):
    model.eval()
    probs, masks = [], []
    for img, mask in DataLoader(SliceSet(frame), batch_size=32, num_workers=4):
        probs.append(torch.sigmoid(model(img.to(device))).cpu().numpy())
        masks.append(mask.numpy())
    return np.concatenate(probs)[:, 0], np.concatenate(masks)[:, 0]


def otsu_baseline(frame):
    preds, masks = [], []
    for img, mask in SliceSet(frame):
        flair = img[1].numpy()
        preds.append(flair > threshold_otsu(flair) + flair.std())
        masks.append(mask[0].numpy())
    return np.stack(preds).astype(np.float32), np.stack(masks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/kaggle_3m")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=77)
    args = ap.parse_args()
    set_seeds(args.seed)
    device = "cuda"

    slices = index_slices(args.root)
    train_df, val_df, test_df = patient_split(slices, args.seed)
    train_dl = DataLoader(SliceSet(train_df, flip=True), args.batch, shuffle=True, num_workers=4, drop_last=True)

    model = smp.Unet("resnet34", encoder_weights="imagenet", in_channels=3, classes=1).to(device)
    dice_loss = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
    amp_scaler = torch.cuda.amp.GradScaler()

    best_dice, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (img, mask) in enumerate(train_dl, start=1):
            img, mask = img.to(device), mask.to(device)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(img)
                loss = (bce(logits, mask) + dice_loss(logits, mask)) / args.accum
            amp_scaler.scale(loss).backward()
            if step % args.accum == 0 or step == len(train_dl):
                amp_scaler.step(optimizer)
                amp_scaler.update()
                optimizer.zero_grad(set_to_none=True)

        p_val, m_val = predict(model, val_df, device)
        val_dice = per_patient(val_df, p_val, m_val, 0.5)["dice"]
        print(f"epoch {epoch} val dice {val_dice:.4f}")
        if val_dice > best_dice:
            best_dice, stale = val_dice, 0
            torch.save(model.state_dict(), "checkpoints/unet_r34_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load("checkpoints/unet_r34_best.pt"))
    p_val, m_val = predict(model, val_df, device)
    thr = max(np.arange(0.2, 0.85, 0.05), key=lambda t: per_patient(val_df, p_val, m_val, t)["dice"])

    p_test, m_test = predict(model, test_df, device)
    b_test, _ = otsu_baseline(test_df)
    results = {
        "unet_r34": {**per_patient(test_df, p_test, m_test, thr), "threshold": float(thr)},
        "otsu_flair": per_patient(test_df, b_test, m_test, 0.5),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
