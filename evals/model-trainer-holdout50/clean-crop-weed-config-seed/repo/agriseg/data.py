"""Field images (RGB, nadir, 2 m altitude) with masks 0 soil / 1 crop / 2 weed."""
import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

CLASSES = ("soil", "crop", "weed")


def transforms(size, train):
    if train:
        aug = [A.RandomResizedCrop(size, size, scale=(0.4, 1.0)), A.HorizontalFlip(), A.VerticalFlip(),
               A.RandomRotate90(), A.RandomBrightnessContrast(0.2, 0.2, p=0.5), A.HueSaturationValue(5, 10, 10, p=0.3)]
    else:
        aug = [A.Resize(size, size)]
    return A.Compose(aug + [A.Normalize()])


class FieldImages(Dataset):
    def __init__(self, df, size, train=False):
        self.df = df.reset_index(drop=True)
        self.tf = transforms(size, train)

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        img = cv2.cvtColor(cv2.imread(r.image), cv2.COLOR_BGR2RGB)
        mask = cv2.imread(r.mask, cv2.IMREAD_GRAYSCALE)
        out = self.tf(image=img, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"]).long()


def exg_baseline_mask(rgb, size):
    """Excess-green vegetation index + Otsu; all vegetation labelled as crop (the majority plant class)."""
    rgb = cv2.resize(rgb, (size, size)).astype(np.float32)
    r, g, b = [rgb[..., k] / (rgb.sum(-1) + 1e-6) for k in range(3)]
    exg = 2 * g - r - b
    exg8 = cv2.normalize(exg, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    _, veg = cv2.threshold(exg8, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return veg.astype(np.int64)
