"""Dataset utilities for the paediatric pneumonia chest X-ray project."""
from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class ChestXrayDataset(Dataset):
    """One grayscale radiograph per row of the manifest, binary label (1 = pneumonia)."""

    def __init__(self, frame: pd.DataFrame, image_root, transform=None):
        self.frame = frame.reset_index(drop=True)
        self.image_root = Path(image_root)
        self.transform = transform

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, idx):
        row = self.frame.iloc[idx]
        img = Image.open(self.image_root / row["path"]).convert("L")
        if self.transform is not None:
            img = self.transform(img)
        return img, torch.tensor(row["label"], dtype=torch.float32)


def base_transform(size):
    return transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor()])


def pixel_stats(dataset, batch_size=64, num_workers=4):
    """Running mean / std over every pixel of a dataset of 1xHxW tensors."""
    loader = DataLoader(dataset, batch_size=batch_size, num_workers=num_workers)
    total, sq_total, n_pix = 0.0, 0.0, 0
    for imgs, _ in loader:
        total += imgs.sum().item()
        sq_total += (imgs ** 2).sum().item()
        n_pix += imgs.numel()
    mean = total / n_pix
    std = (sq_total / n_pix - mean ** 2) ** 0.5
    return mean, std
