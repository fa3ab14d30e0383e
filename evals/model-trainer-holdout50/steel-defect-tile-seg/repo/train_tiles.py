"""Severstal steel defect segmentation: tile the 1600x256 strips and train a U-Net on tiles."""
import cv2
import albumentations as A
import numpy as np
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm

DATA_DIR = "data/severstal"
TILE = 256
N_CLASSES = 4
DEFECT_COPIES = 3
EPOCHS = 40
DEVICE = "cuda"


def rle_decode(rle, shape=(256, 1600)):
    mask = np.zeros(shape[0] * shape[1], dtype=np.uint8)
    if isinstance(rle, str):
        s = list(map(int, rle.split()))
        for start, length in zip(s[0::2], s[1::2]):
            mask[start - 1:start - 1 + length] = 1
    return mask.reshape(shape[1], shape[0]).T


def load_tiles(csv_path):
    labels = pd.read_csv(csv_path)
    tiles = []
    for image_id, group in tqdm(labels.groupby("ImageId")):
        image = cv2.imread(f"{DATA_DIR}/train_images/{image_id}", cv2.IMREAD_GRAYSCALE)
        mask = np.zeros((256, 1600, N_CLASSES), dtype=np.uint8)
        for _, row in group.iterrows():
            mask[..., row.ClassId - 1] = rle_decode(row.EncodedPixels)
        for x0 in range(0, 1600 - TILE + 1, TILE):
            tiles.append((image[:, x0:x0 + TILE], mask[:, x0:x0 + TILE]))
    return tiles


def balance_with_augmented_copies(tiles):
    aug = A.Compose([A.HorizontalFlip(p=0.5), A.VerticalFlip(p=0.5),
                     A.RandomBrightnessContrast(0.15, 0.15, p=0.7)])
    extra = []
    for image, mask in tiles:
        if mask.any():
            for _ in range(DEFECT_COPIES):
                out = aug(image=image, mask=mask)
                extra.append((out["image"], out["mask"]))
    return tiles + extra


class TileDataset(Dataset):
    def __init__(self, tiles):
        self.tiles = tiles

    def __len__(self):
        return len(self.tiles)

    def __getitem__(self, i):
        image, mask = self.tiles[i]
        image = torch.from_numpy(image.astype(np.float32) / 255.0).unsqueeze(0)
        mask = torch.from_numpy(mask.transpose(2, 0, 1).astype(np.float32))
        return image, mask


def dice_per_class(logits, masks, eps=1e-6):
    preds = (torch.sigmoid(logits) > 0.5).float()
    inter = (preds * masks).sum(dim=(0, 2, 3))
    denom = preds.sum(dim=(0, 2, 3)) + masks.sum(dim=(0, 2, 3))
    return ((2 * inter + eps) / (denom + eps)).cpu().numpy()


@torch.no_grad()
def evaluate(model, loader, loss_fn):
    model.eval()
    losses, dices = [], []
    for images, masks in loader:
        images, masks = images.to(DEVICE), masks.to(DEVICE)
        logits = model(images)
        losses.append(loss_fn(logits, masks).item())
        dices.append(dice_per_class(logits, masks))
    return np.mean(losses), np.mean(dices, axis=0)


def main():
    tiles = load_tiles(f"{DATA_DIR}/train.csv")
    tiles = balance_with_augmented_copies(tiles)
    has_defect = [int(m.any()) for _, m in tiles]
    print(f"{len(tiles)} tiles, {np.mean(has_defect):.1%} with a defect")

    train_tiles, val_tiles = train_test_split(tiles, test_size=0.2, stratify=has_defect)
    train_loader = DataLoader(TileDataset(train_tiles), batch_size=32, shuffle=True, num_workers=6)
    val_loader = DataLoader(TileDataset(val_tiles), batch_size=64, num_workers=6)

    model = smp.Unet("efficientnet-b3", encoder_weights="imagenet", in_channels=1, classes=N_CLASSES).to(DEVICE)
    loss_fn = smp.losses.DiceLoss(mode="multilabel")
    bce = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)

    best, stale = 0.0, 0
    for epoch in range(EPOCHS):
        model.train()
        for images, masks in train_loader:
            images, masks = images.to(DEVICE), masks.to(DEVICE)
            optimizer.zero_grad()
            logits = model(images)
            loss = loss_fn(logits, masks) + bce(logits, masks)
            loss.backward()
            optimizer.step()
        val_loss, val_dice = evaluate(model, val_loader, lambda l, m: loss_fn(l, m) + bce(l, m))
        scheduler.step(val_dice.mean())
        print(f"epoch {epoch} val_loss {val_loss:.4f} dice/class {np.round(val_dice, 3)} mean {val_dice.mean():.4f}")
        if val_dice.mean() > best:
            best, stale = val_dice.mean(), 0
            torch.save(model.state_dict(), "unet_effb3_tiles.pt")
        else:
            stale += 1
            if stale == 6:
                break
    print(f"best validation mean dice {best:.4f}")


if __name__ == "__main__":
    main()
