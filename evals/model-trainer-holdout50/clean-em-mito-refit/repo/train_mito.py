"""Mitochondria segmentation in FIB-SEM (Lucchi++ hippocampus volumes).

The training volume (165 x 768 x 1024) is split along z into contiguous train / val slabs with a
10-slice gap; the separate test volume is only scored once. After the held-out evaluation the
model is retrained on the whole training volume for the selected number of epochs for deployment.
"""
import json
import random
from pathlib import Path

import numpy as np
import segmentation_models_pytorch as smp
import tifffile
import torch
from skimage.filters import threshold_otsu
from torch.utils.data import DataLoader, Dataset

SEED = 77
CROP = 256
OUT = Path("runs/mito")


def seed_everything(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_volume(name):
    img = tifffile.imread(f"data/lucchi_pp/{name}_im.tif").astype(np.float32) / 255.0
    lbl = (tifffile.imread(f"data/lucchi_pp/{name}_label.tif") > 0).astype(np.float32)
    return img, lbl


class RandomCrops(Dataset):
    def __init__(self, img, lbl, n):
        self.img, self.lbl, self.n = img, lbl, n

    def __len__(self):
        return self.n

    def __getitem__(self, _):
        z = np.random.randint(len(self.img))
        y, x = np.random.randint(0, self.img.shape[1] - CROP), np.random.randint(0, self.img.shape[2] - CROP)
        im, lb = self.img[z, y:y + CROP, x:x + CROP], self.lbl[z, y:y + CROP, x:x + CROP]
        k = np.random.randint(4)
        im, lb = np.rot90(im, k), np.rot90(lb, k)
        return torch.from_numpy((im.copy() - 0.5) / 0.25)[None], torch.from_numpy(lb.copy())[None]


@torch.no_grad()
def predict_volume(model, img, device):
    model.eval()
    probs = np.zeros_like(img)
    for z in range(len(img)):
        x = torch.from_numpy((img[z] - 0.5) / 0.25)[None, None].to(device)
        probs[z] = torch.sigmoid(model(x))[0, 0].cpu().numpy()
    return probs


def jaccard_dice(pred, gt):
    inter = np.logical_and(pred, gt).sum()
    union = np.logical_or(pred, gt).sum()
    return {"jaccard": inter / max(union, 1), "dice": 2 * inter / max(pred.sum() + gt.sum(), 1)}


def train(img, lbl, epochs, device, val=None, patience=8, schedule_epochs=100):
    seed_everything()
    model = smp.Unet("resnet34", encoder_weights=None, in_channels=1, classes=1).to(device)
    loader = DataLoader(RandomCrops(img, lbl, 2000), batch_size=16, num_workers=4,
                        worker_init_fn=lambda w: np.random.seed(SEED + w))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=schedule_epochs)
    loss_fn = smp.losses.DiceLoss("binary")
    bce = torch.nn.BCEWithLogitsLoss()
    best = {"jaccard": -1.0, "epoch": -1, "threshold": 0.5}
    for epoch in range(epochs):
        model.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            logits = model(x)
            loss = loss_fn(logits, y) + bce(logits, y)
            loss.backward()
            optimizer.step()
        scheduler.step()
        if val is None:
            continue
        probs = predict_volume(model, val[0], device)
        by_thr = {t: jaccard_dice(probs > t, val[1] > 0)["jaccard"] for t in np.arange(0.3, 0.75, 0.05)}
        thr = max(by_thr, key=by_thr.get)
        print(f"epoch {epoch}: loss {loss.item():.4f} val jaccard {by_thr[thr]:.4f} @ {thr:.2f}")
        if by_thr[thr] > best["jaccard"]:
            best = {"jaccard": by_thr[thr], "epoch": epoch, "threshold": float(thr)}
            torch.save(model.state_dict(), OUT / "heldout_best.pt")
        elif epoch - best["epoch"] >= patience:
            break
    return model, best


def main():
    device = torch.device("cuda")
    OUT.mkdir(parents=True, exist_ok=True)
    train_img, train_lbl = load_volume("train")
    test_img, test_lbl = load_volume("test")
    tr, va = slice(0, 130), slice(140, 165)

    model, best = train(train_img[tr], train_lbl[tr], 100, device, val=(train_img[va], train_lbl[va]))
    model.load_state_dict(torch.load(OUT / "heldout_best.pt"))
    test_probs = predict_volume(model, test_img, device)
    otsu = test_img < threshold_otsu(test_img)
    report = {
        "selected": best,
        "test_unet": jaccard_dice(test_probs > best["threshold"], test_lbl > 0),
        "test_otsu_baseline": jaccard_dice(otsu, test_lbl > 0),
    }
    (OUT / "heldout_report.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report, indent=2, default=float))

    final, _ = train(train_img, train_lbl, best["epoch"] + 1, device)
    torch.save({"state_dict": final.state_dict(), "threshold": best["threshold"]}, OUT / "deploy_full_volume.pt")


if __name__ == "__main__":
    main()
