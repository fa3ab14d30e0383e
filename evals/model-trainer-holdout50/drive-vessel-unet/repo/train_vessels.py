"""Retinal vessel segmentation on DRIVE with a patch-trained U-Net.

DRIVE ships 20 training and 20 test fundus images with manual vessel annotations and FOV masks.
Images 21-36 are used for training, 37-40 for validation; the 20 test images are only used at the end.
"""
import random
from pathlib import Path

import numpy as np
import segmentation_models_pytorch as smp
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset

ROOT = Path("data/DRIVE")
PATCH, PATCHES_PER_IMAGE = 96, 400
SEED = 5
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


def load_split(split, ids):
    imgs, vessels, fovs = [], [], []
    for i in ids:
        tag = "training" if split == "training" else "test"
        g = np.array(Image.open(ROOT / split / "images" / f"{i:02d}_{tag}.tif"))[..., 1].astype(np.float32)
        imgs.append((g - g.mean()) / (g.std() + 1e-6))
        vessels.append(np.array(Image.open(ROOT / split / "1st_manual" / f"{i:02d}_manual1.gif")) > 0)
        fovs.append(np.array(Image.open(ROOT / split / "mask" / f"{i:02d}_{tag}_mask.gif")) > 0)
    return np.stack(imgs), np.stack(vessels), np.stack(fovs)


class RandomPatches(Dataset):
    def __init__(self, imgs, vessels, n_per_image):
        self.imgs, self.vessels, self.n = imgs, vessels, n_per_image

    def __len__(self):
        return len(self.imgs) * self.n

    def __getitem__(self, k):
        i = k // self.n
        h, w = self.imgs.shape[1:]
        y, x = np.random.randint(0, h - PATCH), np.random.randint(0, w - PATCH)
        img = self.imgs[i, y:y + PATCH, x:x + PATCH]
        ves = self.vessels[i, y:y + PATCH, x:x + PATCH]
        if np.random.rand() < 0.5:
            img, ves = img[:, ::-1], ves[:, ::-1]
        return (torch.from_numpy(img.copy())[None], torch.from_numpy(ves.astype(np.float32).copy())[None])


def pad_to(x, mult=32):
    h, w = x.shape[-2:]
    return torch.nn.functional.pad(x, (0, (-w) % mult, 0, (-h) % mult), mode="reflect"), (h, w)


@torch.no_grad()
def predict_full(model, imgs, device):
    model.eval()
    probs = []
    for img in imgs:
        x, (h, w) = pad_to(torch.from_numpy(img)[None, None].to(device))
        probs.append(torch.sigmoid(model(x))[0, 0, :h, :w].cpu().numpy())
    return np.stack(probs)


def fov_accuracy(probs, vessels, fovs, thr=0.5):
    pred = probs > thr
    return float((pred == vessels)[fovs].mean())


def main():
    device = torch.device("cuda")
    tr_imgs, tr_ves, tr_fov = load_split("training", range(21, 37))
    va_imgs, va_ves, va_fov = load_split("training", range(37, 41))
    te_imgs, te_ves, te_fov = load_split("test", range(1, 21))
    vessel_frac = tr_ves[tr_fov].mean()
    print(f"vessel pixels: {vessel_frac:.1%} of the field of view")

    loader = DataLoader(RandomPatches(tr_imgs, tr_ves, PATCHES_PER_IMAGE), batch_size=32, shuffle=True,
                        num_workers=4, worker_init_fn=lambda w: np.random.seed(SEED + w))
    model = smp.Unet("resnet18", encoder_weights=None, in_channels=1, classes=1, decoder_attention_type="scse").to(device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(1 - vessel_frac) / vessel_frac], device=device))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", patience=4, factor=0.3)

    best_acc, wait = 0.0, 0
    for epoch in range(100):
        model.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        val_acc = fov_accuracy(predict_full(model, va_imgs, device), va_ves, va_fov)
        scheduler.step(val_acc)
        print(f"epoch {epoch}: loss {loss.item():.4f} val acc {val_acc:.4f}")
        if val_acc > best_acc:
            best_acc, wait = val_acc, 0
            torch.save(model.state_dict(), "drive_unet.pt")
        else:
            wait += 1
            if wait >= 10:
                break

    model.load_state_dict(torch.load("drive_unet.pt"))
    test_acc = fov_accuracy(predict_full(model, te_imgs, device), te_ves, te_fov)
    print(f"DRIVE test accuracy (inside FOV): {test_acc:.4f}")


if __name__ == "__main__":
    main()
