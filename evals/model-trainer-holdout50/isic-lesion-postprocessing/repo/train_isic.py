"""Train the lesion segmentation model (ISIC 2018 train / official validation split)."""
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
from torch.utils.data import DataLoader

from isic_data import LesionDataset, eval_transform, list_pairs, train_transform

SEED = 11
EPOCHS = 50
PATIENCE = 7


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def soft_dice(logits, masks, eps=1.0):
    probs = torch.sigmoid(logits)
    inter = (probs * masks).sum(dim=(1, 2, 3))
    return ((2 * inter + eps) / (probs.sum(dim=(1, 2, 3)) + masks.sum(dim=(1, 2, 3)) + eps)).mean()


def main():
    seed_all(SEED)
    train_ds = LesionDataset(list_pairs("data/isic2018/train"), train_transform())
    val_ds = LesionDataset(list_pairs("data/isic2018/val"), eval_transform())
    train_loader = DataLoader(train_ds, batch_size=16, shuffle=True, num_workers=8, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=32, num_workers=8)

    model = smp.UnetPlusPlus("resnet50", encoder_weights="imagenet", classes=1).cuda()
    criterion = smp.losses.DiceLoss("binary", from_logits=True)
    bce = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-4, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=2e-4, epochs=EPOCHS,
                                                    steps_per_epoch=len(train_loader))
    scaler = torch.cuda.amp.GradScaler()

    best, wait = 0.0, 0
    for epoch in range(EPOCHS):
        model.train()
        for images, masks in train_loader:
            images, masks = images.cuda(), masks.cuda()
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                logits = model(images)
                loss = criterion(logits, masks) + bce(logits, masks)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()

        model.eval()
        with torch.no_grad():
            scores = [soft_dice(model(x.cuda()).float(), y.cuda()).item() for x, y in val_loader]
        val_dice = float(np.mean(scores))
        print(f"epoch {epoch}: val soft dice {val_dice:.4f}")
        if val_dice > best:
            best, wait = val_dice, 0
            torch.save(model.state_dict(), "checkpoints/unetpp_r50.pt")
        else:
            wait += 1
            if wait >= PATIENCE:
                break


if __name__ == "__main__":
    main()
