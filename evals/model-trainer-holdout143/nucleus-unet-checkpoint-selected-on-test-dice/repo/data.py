import glob
import os

import numpy as np
import torch
from skimage import io
from torch.utils.data import Dataset


def _to_rgb(img):
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    return img[..., :3]


def _percentile_norm(img, lo=1, hi=99.8):
    p1, p2 = np.percentile(img, (lo, hi))
    return np.clip((img - p1) / (p2 - p1 + 1e-6), 0, 1).astype(np.float32)


class DSBNuclei(Dataset):
    """DSB2018 layout: <id>/images/<id>.png and <id>/masks/*.png (one png per nucleus)."""

    def __init__(self, root, crop=256, train=True):
        self.ids = sorted(os.listdir(root))
        self.root = root
        self.crop = crop
        self.train = train

    def __len__(self):
        return len(self.ids)

    def _load(self, sid):
        img = io.imread(os.path.join(self.root, sid, "images", f"{sid}.png"))
        img = _percentile_norm(_to_rgb(img).astype(np.float32))
        mask = np.zeros(img.shape[:2], dtype=np.float32)
        for m in glob.glob(os.path.join(self.root, sid, "masks", "*.png")):
            mask = np.maximum(mask, (io.imread(m) > 0).astype(np.float32))
        return img, mask

    def __getitem__(self, i):
        img, mask = self._load(self.ids[i])
        h, w = mask.shape
        pad_h, pad_w = max(0, self.crop - h), max(0, self.crop - w)
        img = np.pad(img, ((0, pad_h), (0, pad_w), (0, 0)), mode="reflect")
        mask = np.pad(mask, ((0, pad_h), (0, pad_w)), mode="constant")
        if self.train:
            y0 = np.random.randint(0, img.shape[0] - self.crop + 1)
            x0 = np.random.randint(0, img.shape[1] - self.crop + 1)
            img = img[y0:y0 + self.crop, x0:x0 + self.crop]
            mask = mask[y0:y0 + self.crop, x0:x0 + self.crop]
            if np.random.rand() < 0.5:
                img, mask = img[:, ::-1], mask[:, ::-1]
            if np.random.rand() < 0.5:
                img, mask = img[::-1], mask[::-1]
        else:
            # pad to a multiple of 32 for the encoder
            H = int(np.ceil(img.shape[0] / 32) * 32)
            W = int(np.ceil(img.shape[1] / 32) * 32)
            img = np.pad(img, ((0, H - img.shape[0]), (0, W - img.shape[1]), (0, 0)), mode="reflect")
            mask = np.pad(mask, ((0, H - mask.shape[0]), (0, W - mask.shape[1])), mode="constant")
        img = torch.from_numpy(np.ascontiguousarray(img.transpose(2, 0, 1)))
        mask = torch.from_numpy(np.ascontiguousarray(mask))[None]
        return img, mask
