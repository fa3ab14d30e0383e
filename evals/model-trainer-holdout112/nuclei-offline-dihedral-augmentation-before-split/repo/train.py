import argparse
from pathlib import Path

import cv2
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from torch.utils.data import DataLoader, Dataset


class NucleiDataset(Dataset):
    def __init__(self, root, csv_name, size=256):
        self.root = Path(root)
        self.files = pd.read_csv(self.root / csv_name)["file"].tolist()
        self.size = size

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        name = self.files[i]
        img = cv2.imread(str(self.root / "images" / name), cv2.IMREAD_COLOR)
        msk = cv2.imread(str(self.root / "masks" / name), cv2.IMREAD_GRAYSCALE)
        img = cv2.resize(img, (self.size, self.size), interpolation=cv2.INTER_LINEAR)
        msk = cv2.resize(msk, (self.size, self.size), interpolation=cv2.INTER_NEAREST)
        img = torch.from_numpy(img.transpose(2, 0, 1).astype(np.float32) / 255.0)
        msk = torch.from_numpy((msk > 127).astype(np.float32))[None]
        return img, msk


@torch.no_grad()
def dice_score(model, loader, device):
    model.eval()
    inter, denom = 0.0, 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = (torch.sigmoid(model(x)) > 0.5).float()
        inter += (pred * y).sum().item()
        denom += (pred.sum() + y.sum()).item()
    return 2 * inter / max(denom, 1e-8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/processed")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=2018)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl = DataLoader(NucleiDataset(args.data, "train.csv"), batch_size=16, shuffle=True, num_workers=4)
    val_dl = DataLoader(NucleiDataset(args.data, "val.csv"), batch_size=16, num_workers=4)
    test_dl = DataLoader(NucleiDataset(args.data, "test.csv"), batch_size=16, num_workers=4)

    model = smp.Unet("efficientnet-b0", encoder_weights="imagenet", in_channels=3, classes=1).to(device)
    loss_fn = smp.losses.DiceLoss("binary")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    best = 0.0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        val_dice = dice_score(model, val_dl, device)
        print(f"epoch {epoch + 1}: loss {loss.item():.4f} val dice {val_dice:.4f}")
        if val_dice > best:
            best = val_dice
            torch.save(model.state_dict(), "unet_nuclei.pt")

    model.load_state_dict(torch.load("unet_nuclei.pt", map_location=device))
    print(f"test dice: {dice_score(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
